package dev.crosslink.importer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crosslink.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes what an import does before it touches the database: parsing an untrusted document and
 * converting each item's HTML to Markdown. Any input is parsed or refused with a 400 problem,
 * never another exception (which would be a 500), and conversion never fails.
 */
class ImporterFuzzTest {

    private static final FeedParser PARSER = new FeedParser();
    private static final HtmlToMarkdown CONVERTER = new HtmlToMarkdown();

    @FuzzTest(maxDuration = "10m")
    void parsesOrRefusesAnyDocument(FuzzedDataProvider data) {
        byte[] document = data.consumeRemainingAsBytes();
        FeedParser.ParsedFeed feed;
        try {
            feed = PARSER.parse(document);
        } catch (ProblemException refused) {
            assertThat(refused.status()).isEqualTo(400);
            return;
        }
        for (FeedParser.ParsedItem item : feed.items()) {
            String html = item.html() != null ? item.html() : item.description();
            assertThat(CONVERTER.convert(html).markdown()).isNotNull();
        }
    }
}
