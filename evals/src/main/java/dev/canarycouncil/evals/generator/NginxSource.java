package dev.canarycouncil.evals.generator;

/** 5xx-spike-nginx-upstream-refused: the canary proxies the catalogue API to a sidecar the pod does not have. */
final class NginxSource {

    /** The canary's {@code default.conf}. */
    static final String DEFAULT_CONF = """
            # storefront: the single-page app and a proxy for the APIs it calls.

            # 5.3.0: the catalogue API is answered by the catalog-cache sidecar.
            upstream catalog_api {
                server 127.0.0.1:8081;
                keepalive 16;
            }

            upstream cart_api {
                server cart.shop.svc.cluster.local:8080;
                keepalive 16;
            }

            log_format timed '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                             '"$http_referer" "$http_user_agent" rt=$request_time uct=$upstream_connect_time '
                             'urt=$upstream_response_time';

            server {
                listen 8080;
                server_name _;
                access_log /dev/stdout timed;

                location /healthz {
                    return 200 "ok";
                }

                location /api/catalog {
                    proxy_pass http://catalog_api;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_connect_timeout 2s;
                }

                location /api/cart {
                    proxy_pass http://cart_api;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                }

                location / {
                    root /usr/share/nginx/html;
                    try_files $uri /index.html;
                }
            }
            """;

    private NginxSource() {}
}
