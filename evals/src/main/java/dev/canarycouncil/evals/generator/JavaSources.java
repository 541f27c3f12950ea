package dev.canarycouncil.evals.generator;

/** Java sources of the newer scenarios. */
final class JavaSources {

    /** java-npe-exception-storm-orders and seed-java-npe: {@code user.getId()} on a null user at OrderController.java:87. */
    static final String ORDER_CONTROLLER_JAVA = """
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
            """;

    /** java-exception-caused-by-not-null-constraint: no currency code for marketplace orders, saved at InvoiceService.java:40. */
    static final String INVOICE_SERVICE_JAVA = """
            package com.example.invoices.service;

            import java.util.UUID;

            import com.example.invoices.domain.Invoice;
            import com.example.invoices.domain.InvoiceRepository;
            import com.example.invoices.domain.Order;
            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class InvoiceService {

                private final InvoiceRepository invoices;
                private final TaxRates taxRates;

                public InvoiceService(InvoiceRepository invoices, TaxRates taxRates) {
                    this.invoices = invoices;
                    this.taxRates = taxRates;
                }

                /**
                 * Creates the invoice for a paid order.
                 *
                 * <p>3.2.0 stores amounts per currency: the new {@code currency_code} column is NOT NULL
                 * (migration V42). The currency is copied from the order's price list, which is only
                 * set for orders placed through the web shop; marketplace orders have none.
                 */
                @Transactional
                public Invoice create(Order order) {
                    Invoice invoice = new Invoice();
                    invoice.setId(UUID.randomUUID());
                    invoice.setCustomerId(order.getCustomerId());
                    invoice.setOrderId(order.getId());
                    invoice.setAmountCents(order.getTotalCents());
                    invoice.setTaxCents(taxRates.taxFor(order));
                    if (order.getPriceList() != null) {
                        invoice.setCurrencyCode(order.getPriceList().getCurrency());
                    }
                    return invoices.saveAndFlush(invoice);
                }
            }
            """;

    /** silent-errors-negative-price-total: a whole-number percentage used as a fraction. */
    static final String PRICE_CALCULATOR_JAVA = """
            package com.example.pricing;

            import java.math.BigDecimal;
            import java.math.RoundingMode;

            import org.springframework.stereotype.Component;

            /** Prices a quote: list prices, then the promotion, then VAT. */
            @Component
            public class PriceCalculator {

                private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

                /**
                 * 6.0.0 reads promotions from the new campaign service, which stores a percentage
                 * promotion as a whole number ("15" for 15%). The old promotion table stored 0.15. The
                 * value is still treated as a fraction here, so 15% takes off fifteen times the subtotal.
                 */
                public BigDecimal total(BigDecimal subtotal, Promotion promotion, BigDecimal vatRate) {
                    BigDecimal discount = BigDecimal.ZERO;
                    if (promotion != null) {
                        discount = switch (promotion.kind()) {
                            case PERCENT -> subtotal.multiply(promotion.value());
                            case AMOUNT -> promotion.value();
                        };
                    }
                    BigDecimal net = subtotal.subtract(discount);
                    BigDecimal vat = net.multiply(vatRate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                    return net.add(vat);
                }
            }
            """;

    private JavaSources() {}
}
