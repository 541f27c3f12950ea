package dev.canarycouncil.runtime.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/** Hands {@link ModelHttpClient} to the langchain4j model builders. */
final class ModelHttpClientBuilder implements HttpClientBuilder {

    private final RetryPolicy retry;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = ModelSettings.DEFAULT_CALL_TIMEOUT;

    ModelHttpClientBuilder(RetryPolicy retry) {
        this.retry = retry;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
            connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
            readTimeout = timeout;
        }
        return this;
    }

    @Override
    public HttpClient build() {
        return new ModelHttpClient(connectTimeout, readTimeout, retry);
    }
}
