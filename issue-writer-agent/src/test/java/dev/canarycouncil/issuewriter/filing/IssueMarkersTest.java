package dev.canarycouncil.issuewriter.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.canarycouncil.runtime.schema.FailureSignature;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueMarkersTest {

    @Test
    void aSignatureSurvivesTheIssueBodyWhateverItsTemplateHolds() {
        FailureSignature s = new FailureSignature(
                "Servlet.service() threw --> <*>\n\tat OrderController.placeOrder",
                "OrderController.java:87",
                85,
                271,
                "hqtk75b7mf");
        String body = "## What failed\n\ntext\n\n" + IssueMarkers.signatureLine(s) + "\n";
        String line = IssueMarkers.signatureLine(s);
        assertEquals(line.length() - 3, line.indexOf("-->"), "the template's own --> does not end the comment");
        assertEquals(Optional.of(s), IssueMarkers.signatureOf(body));
        assertEquals("## What failed\n\ntext\n\n", IssueMarkers.withoutMarkers(body), "hidden like the other markers");
    }

    @Test
    void aBodyWithoutOrWithABrokenSignatureHasNone() {
        assertEquals(Optional.empty(), IssueMarkers.signatureOf("an issue written by hand"));
        assertEquals(Optional.empty(), IssueMarkers.signatureOf("<!-- canary-council-signature: bm90IGpzb24= -->"));
        assertEquals(Optional.empty(), IssueMarkers.signatureOf(null));
    }
}
