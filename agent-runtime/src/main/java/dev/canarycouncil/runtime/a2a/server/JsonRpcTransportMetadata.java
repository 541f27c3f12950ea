package dev.canarycouncil.runtime.a2a.server;

import io.a2a.server.TransportMetadata;
import io.a2a.spec.TransportProtocol;

/**
 * Declares, through {@code META-INF/services}, that this runtime serves the JSON-RPC transport.
 * The SDK's {@code JSONRPCHandler} refuses a card whose transports are not registered this way.
 */
public final class JsonRpcTransportMetadata implements TransportMetadata {

    @Override
    public String getTransportProtocol() {
        return TransportProtocol.JSONRPC.asString();
    }
}
