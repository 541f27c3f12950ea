package dev.canarycouncil.evals.generator;

/** The canary's payments client in the 5xx scenario; the lowered timeout is on line 14. */
final class PaymentsSource {

    static final String CLIENT_GO = """
            package payments

            import (
            	"bytes"
            	"context"
            	"encoding/json"
            	"fmt"
            	"net/http"
            	"time"
            )

            // chargeTimeout bounds a call to the payments service. 1.9.0 lowered it from 2s
            // to make checkout feel faster.
            const chargeTimeout = 50 * time.Millisecond

            type Client struct {
            	BaseURL string
            	HTTP    *http.Client
            }

            func (c *Client) Charge(ctx context.Context, orderID string, cents int64) error {
            	ctx, cancel := context.WithTimeout(ctx, chargeTimeout)
            	defer cancel()
            	body, _ := json.Marshal(map[string]any{"order": orderID, "amount": cents})
            	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/charge", bytes.NewReader(body))
            	if err != nil {
            		return err
            	}
            	resp, err := c.HTTP.Do(req)
            	if err != nil {
            		return fmt.Errorf("charge failed: %w", err)
            	}
            	defer resp.Body.Close()
            	if resp.StatusCode != http.StatusOK {
            		return fmt.Errorf("charge failed: payments answered %d", resp.StatusCode)
            	}
            	return nil
            }
            """;

    private PaymentsSource() {}
}
