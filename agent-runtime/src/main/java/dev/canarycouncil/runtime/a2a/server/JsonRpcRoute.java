package dev.canarycouncil.runtime.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.a2a.common.A2AHeaders;
import io.a2a.server.ServerCallContext;
import io.a2a.server.auth.UnauthenticatedUser;
import io.a2a.spec.CancelTaskRequest;
import io.a2a.spec.DeleteTaskPushNotificationConfigRequest;
import io.a2a.spec.GetAuthenticatedExtendedCardRequest;
import io.a2a.spec.GetTaskPushNotificationConfigRequest;
import io.a2a.spec.GetTaskRequest;
import io.a2a.spec.IdJsonMappingException;
import io.a2a.spec.InternalError;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.InvalidParamsJsonMappingException;
import io.a2a.spec.InvalidRequestError;
import io.a2a.spec.JSONParseError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.JSONRPCErrorResponse;
import io.a2a.spec.JSONRPCResponse;
import io.a2a.spec.ListTaskPushNotificationConfigRequest;
import io.a2a.spec.MethodNotFoundError;
import io.a2a.spec.MethodNotFoundJsonMappingException;
import io.a2a.spec.NonStreamingJSONRPCRequest;
import io.a2a.spec.SendMessageRequest;
import io.a2a.spec.SendStreamingMessageRequest;
import io.a2a.spec.SendStreamingMessageResponse;
import io.a2a.spec.SetTaskPushNotificationConfigRequest;
import io.a2a.spec.StreamingJSONRPCRequest;
import io.a2a.spec.TaskResubscriptionRequest;
import io.a2a.spec.UnsupportedOperationError;
import io.a2a.transport.jsonrpc.handler.JSONRPCHandler;
import io.a2a.util.Utils;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 endpoint of an A2A agent: parses the request, hands it to the SDK's
 * {@link JSONRPCHandler}, and answers with JSON or, for streaming methods, Server-Sent Events.
 * Runs on a worker thread: blocking {@code message/send} waits for the agent.
 */
final class JsonRpcRoute implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcRoute.class);

    private final JSONRPCHandler handler;

    JsonRpcRoute(JSONRPCHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(RoutingContext rc) {
        String body = rc.body() == null ? null : rc.body().asString();
        Object id = null;
        try {
            JsonNode node = body == null || body.isBlank() ? null : Utils.OBJECT_MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidRequestError("The request body must be a JSON-RPC 2.0 request object");
            }
            id = idOf(node);
            ServerCallContext context = callContext(rc);
            String method = node.path("method").asText("");
            if (SendStreamingMessageRequest.METHOD.equals(method) || TaskResubscriptionRequest.METHOD.equals(method)) {
                StreamingJSONRPCRequest<?> request =
                        Utils.OBJECT_MAPPER.treeToValue(node, StreamingJSONRPCRequest.class);
                SseResponseWriter.stream(rc.response(), stream(request, context), JsonRpcRoute::serialize);
            } else {
                NonStreamingJSONRPCRequest<?> request =
                        Utils.OBJECT_MAPPER.treeToValue(node, NonStreamingJSONRPCRequest.class);
                reply(rc, dispatch(request, context));
            }
        } catch (JSONRPCError e) {
            reply(rc, new JSONRPCErrorResponse(id, e));
        } catch (InvalidParamsJsonMappingException e) {
            reply(rc, new JSONRPCErrorResponse(e.getId(), new InvalidParamsError(e.getOriginalMessage())));
        } catch (MethodNotFoundJsonMappingException e) {
            reply(rc, new JSONRPCErrorResponse(e.getId(), new MethodNotFoundError()));
        } catch (IdJsonMappingException e) {
            reply(rc, new JSONRPCErrorResponse(e.getId(), new InvalidRequestError(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            reply(rc, new JSONRPCErrorResponse(id, new JSONParseError(e.getOriginalMessage())));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure handling a JSON-RPC request", e);
            reply(rc, new JSONRPCErrorResponse(id, new InternalError(e.getMessage())));
        }
    }

    private JSONRPCResponse<?> dispatch(NonStreamingJSONRPCRequest<?> request, ServerCallContext context) {
        if (request instanceof SendMessageRequest r) {
            return handler.onMessageSend(r, context);
        } else if (request instanceof GetTaskRequest r) {
            return handler.onGetTask(r, context);
        } else if (request instanceof CancelTaskRequest r) {
            return handler.onCancelTask(r, context);
        } else if (request instanceof SetTaskPushNotificationConfigRequest r) {
            return handler.setPushNotificationConfig(r, context);
        } else if (request instanceof GetTaskPushNotificationConfigRequest r) {
            return handler.getPushNotificationConfig(r, context);
        } else if (request instanceof ListTaskPushNotificationConfigRequest r) {
            return handler.listPushNotificationConfig(r, context);
        } else if (request instanceof DeleteTaskPushNotificationConfigRequest r) {
            return handler.deletePushNotificationConfig(r, context);
        } else if (request instanceof GetAuthenticatedExtendedCardRequest r) {
            return handler.onGetAuthenticatedExtendedCardRequest(r, context);
        }
        return new JSONRPCErrorResponse(request.getId(), new UnsupportedOperationError());
    }

    private Flow.Publisher<SendStreamingMessageResponse> stream(
            StreamingJSONRPCRequest<?> request, ServerCallContext context) {
        if (request instanceof SendStreamingMessageRequest r) {
            return handler.onMessageSendStream(r, context);
        }
        return handler.onResubscribeToTask((TaskResubscriptionRequest) request, context);
    }

    private static ServerCallContext callContext(RoutingContext rc) {
        Map<String, Object> state = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        rc.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        state.put("headers", headers);
        Set<String> extensions = new HashSet<>();
        rc.request().headers().getAll(A2AHeaders.X_A2A_EXTENSIONS).forEach(value -> {
            for (String ext : value.split(",")) {
                if (!ext.isBlank()) {
                    extensions.add(ext.trim());
                }
            }
        });
        return new ServerCallContext(UnauthenticatedUser.INSTANCE, state, extensions);
    }

    private static Object idOf(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isNumber() ? id.numberValue() : id.asText();
    }

    private static void reply(RoutingContext rc, JSONRPCResponse<?> response) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().putHeader("Content-Type", "application/json").end(serialize(response));
    }

    private static String serialize(Object response) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a JSON-RPC response", e);
        }
    }
}
