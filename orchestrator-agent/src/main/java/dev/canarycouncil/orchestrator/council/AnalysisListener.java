package dev.canarycouncil.orchestrator.council;

/** Told of every analysis the council finishes, whoever asked; the history keeps them. */
@FunctionalInterface
public interface AnalysisListener {

    /** For a council whose analyses are not kept (a one-off {@code analyze}, {@code eval}). */
    AnalysisListener NONE = finished -> {};

    /** Called on the analysing thread once the verdict is final; must not block for long. */
    void finished(FinishedAnalysis analysis);
}
