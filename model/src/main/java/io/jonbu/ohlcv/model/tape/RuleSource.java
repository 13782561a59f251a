package io.jonbu.ohlcv.model.tape;

/**
 * The document a row of {@link SaleConditionTable} was taken from, so every row names its source.
 *
 * <p>The plans publish their matrices in PDFs that are revised a few times a year without changing
 * these rows; the rows were checked against the editions current in 2025-2026 through two
 * independent transcriptions (dxFeed's knowledge base, which reproduces both matrices with their
 * footnotes, and a public transcription of the last-sale column citing CTS Pillar Output
 * Specification v2.11b and UTP Data Feed Services Specification v4.1 section 3.14.2), and against
 * Polygon/Massive's consolidated {@code update_rules}, which agree on every shared code.
 */
public enum RuleSource {
    CTS_SALE_CONDITION_MATRIX(
            "CTA Plan, CTS Pillar Output Specification, Sale Condition table, CONSOLIDATED Update HIGH/LOW"
                    + " and LAST columns and the VOLUME column (the page Alpaca cites as page 64),"
                    + " https://www.ctaplan.com/publicdocs/ctaplan/CTS_Pillar_Output_Specification.pdf;"
                    + " transcribed at https://kb.dxfeed.com/en/data-model/market-events/timeandsale-sale-conditions.html"),
    UTP_SALE_CONDITION_MATRIX(
            "UTP Plan, UTP Binary Output Specification (UTDF), UTP Sale Condition Matrix, Consolidated"
                    + " Update High/Low and Update Last columns and the Update Volume column (the page Alpaca"
                    + " cites as page 43), https://www.utpplan.com/DOC/UtpBinaryOutputSpec.pdf;"
                    + " transcribed at https://kb.dxfeed.com/en/data-model/market-events/timeandsale-sale-conditions.html"),
    ALPACA_REGULAR_SALE_ALIAS(
            "Not a CTS code: '@' is UTP's regular-sale code and the code Alpaca documents as regular;"
                    + " on tapes A and B it is read as CTS's Space (Regular Sale) so that a feed which"
                    + " normalises Space to '@' does not lose every NYSE-listed price");

    private final String citation;

    RuleSource(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
