package com.example.api;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private static final Logger log = LoggerFactory.getLogger(OrderController.class);

    private final OrderService orders;
    private final UserDirectory users;
    private final PriceService prices;

    public OrderController(OrderService orders, UserDirectory users, PriceService prices) {
        this.orders = orders;
        this.users = users;
        this.prices = prices;
    }

    public record OrderLine(String sku, int quantity) {
    }

    public record PlaceOrderRequest(String cartId, List<OrderLine> lines, String couponCode) {
    }

    public record OrderPlaced(String orderId, BigDecimal total) {
    }

    /** Looks an order up for its owner. */
    @GetMapping("/{id}")
    public ResponseEntity<Order> getOrder(@RequestHeader("Authorization") String authorization,
                                          @PathVariable String id) {
        User user = users.bySessionToken(bearer(authorization));
        if (user == null) {
            return ResponseEntity.status(401).build();
        }
        return orders.find(id)
                .filter(o -> o.userId().equals(user.getId()))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    private static String bearer(String authorization) {
        return authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
    }

    /**
     * Places an order for the signed-in user.
     *
     * <p>2.5.0 resolves the user from the session token instead of the X-User-Id header.
     * {@link UserDirectory#bySessionToken} returns null for guest checkouts, which have a
     * token but no account.
     */
    @PostMapping
    public ResponseEntity<OrderPlaced> placeOrder(@RequestHeader("Authorization") String authorization,
                                                  @RequestBody PlaceOrderRequest request) {
        User user = users.bySessionToken(bearer(authorization));
        if (request.lines() == null || request.lines().isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        log.debug("placing order for cart {}", request.cartId());
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : request.lines()) {
            BigDecimal price = prices.priceOf(line.sku());
            total = total.add(price.multiply(BigDecimal.valueOf(line.quantity())));
        }
        if (request.couponCode() != null && !request.couponCode().isBlank()) {
            total = prices.applyCoupon(total, request.couponCode());
        }
        if (total.signum() < 0) {
            log.warn("cart {} priced below zero, clamping", request.cartId());
            total = BigDecimal.ZERO;
        }
        String orderId = orders.place(user.getId(), request.cartId(), request.lines(), total);
        log.debug("order {} placed for cart {}", orderId, request.cartId());
        return ResponseEntity.ok(new OrderPlaced(orderId, total));
    }
}
