package dev.canarycouncil.orchestrator.chat;

import dev.canarycouncil.orchestrator.council.CouncilMember;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.FollowUp;
import dev.canarycouncil.runtime.schema.FollowUpAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Routes a follow-up question over A2A to the member whose skills cover it (a metric comparison to
 * the member tagged {@code metrics}, log templates to the one tagged {@code logs}), which answers
 * from its own configuration and tools. When no
 * such member answers, the caller answers from the verdict instead, saying so.
 */
public final class MemberQuestions {

    static final String METRICS_TAG = "metrics";
    static final String LOGS_TAG = "logs";

    private final Supplier<List<CouncilMember>> members;
    private final Duration deadline;

    public MemberQuestions(Supplier<List<CouncilMember>> members, Duration deadline) {
        this.members = members;
        this.deadline = deadline;
    }

    /** A metric comparison, answered by the member tagged {@code metrics} from its own metric set. */
    Optional<Answer> compare(Investigations.Investigation inv, Question q, String text, Progress progress)
            throws InterruptedException {
        return ask(
                inv,
                q,
                text,
                METRICS_TAG,
                new FollowUp(
                        inv.request(),
                        FollowUp.COMPARE,
                        q.argument(),
                        q.from(inv.request().window()),
                        inv.request().window().end(),
                        text),
                progress);
    }

    /** The canary's warning and error templates, answered by the member tagged {@code logs} from the logs themselves. */
    Optional<Answer> templates(Investigations.Investigation inv, Question q, String text, Progress progress)
            throws InterruptedException {
        return ask(
                inv,
                q,
                text,
                LOGS_TAG,
                new FollowUp(
                        inv.request(),
                        FollowUp.TEMPLATES,
                        null,
                        inv.request().window().start(),
                        inv.request().window().end(),
                        text),
                progress);
    }

    private Optional<Answer> ask(
            Investigations.Investigation inv, Question q, String text, String tag, FollowUp followUp, Progress progress)
            throws InterruptedException {
        CouncilMember member = members.get().stream()
                .filter(CouncilMember::available)
                .filter(m -> m.tags().contains(tag))
                .findFirst()
                .orElse(null);
        if (member == null) {
            return Optional.empty();
        }
        progress.report("asking " + member.name() + ": " + text);
        try {
            AgentReply reply = member.agent()
                    .send(
                            RemoteAgent.userMessage(
                                    A2aParts.payload(A2aParts.FOLLOW_UP, followUp, text), inv.contextId()),
                            deadline,
                            m -> progress.report(member.name() + ": " + m))
                    .get();
            if (!reply.completed()) {
                progress.report(
                        member.name() + " did not answer (" + reply.state().asString() + "): " + reply.statusText());
                return Optional.empty();
            }
            Optional<FollowUpAnswer> answer =
                    A2aParts.read(reply.parts(), A2aParts.FOLLOW_UP_ANSWER, FollowUpAnswer.class);
            return answer.map(a -> new Answer(
                    inv.contextId(),
                    text,
                    q.kind().name().toLowerCase(Locale.ROOT),
                    a.text() + "\n(answered by " + member.name() + ")",
                    a.data()));
        } catch (ExecutionException | IllegalArgumentException e) {
            progress.report(member.name() + " could not answer: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            return Optional.empty();
        }
    }
}
