package dev.canarycouncil.runtime.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExceptionLineTest {

    @Test
    void aPythonTracebacksLastLineIsTheException() {
        String tb = """
                Exception on /api/quotes [POST]
                Traceback (most recent call last):
                  File "/app/app.py", line 37, in create_quote
                    total = base * risk_factor
                TypeError: unsupported operand type(s) for *: 'NoneType' and 'float'""";
        ExceptionLine e = ExceptionLine.last(tb).orElseThrow();
        assertEquals("TypeError", e.type());
        assertEquals("TypeError: unsupported operand type(s) for *: 'NoneType' and 'float'", e.line());
    }

    @Test
    void aJavaChainsInnermostCauseWinsAndFramesAreSkipped() {
        String chain = """
                org.springframework.dao.DataIntegrityViolationException: could not execute statement
                \tat com.example.orders.OrderService.save(OrderService.java:51)
                Caused by: org.postgresql.util.PSQLException: ERROR: null value in column "customer_id" violates not-null constraint
                \tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)""";
        ExceptionLine e = ExceptionLine.last(chain).orElseThrow();
        assertEquals("PSQLException", e.type());
        assertTrue(e.line().startsWith("org.postgresql.util.PSQLException: ERROR: null value"), e.line());
    }

    @Test
    void aLineWithoutAnExceptionNamesNone() {
        assertTrue(ExceptionLine.last("panic: runtime error: index out of range [3] with length 3")
                .isEmpty());
        assertTrue(ExceptionLine.last(null).isEmpty());
    }
}
