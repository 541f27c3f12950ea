package dev.canarycouncil.runtime.schema;

/** What kind of log record a template is made of, which says how directly it names a cause. */
public enum LogRecordKind {
    /** A message the application logged. */
    MESSAGE,
    /** An HTTP access-log line: a symptom (a 502), rarely the cause. */
    ACCESS,
    /** An exception, panic or crash report with its stack. */
    CRASH
}
