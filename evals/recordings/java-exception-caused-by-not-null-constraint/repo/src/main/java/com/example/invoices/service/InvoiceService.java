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
