package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.IssueDraft;

/** The default: nothing is filed, the draft is returned (and kept as Markdown when a draft folder is configured). */
public final class DryRunFiler implements IssueFiler {

    @Override
    public IssueDraft file(IssueDraft draft, String analysisId, Progress progress) {
        return draft.withOutcome(null, "draft", "dry run: not filed (no GitHub repository configured)");
    }
}
