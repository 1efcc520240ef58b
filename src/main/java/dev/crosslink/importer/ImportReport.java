package dev.crosslink.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an import did: how many posts it created, updated or left unchanged, and what it skipped. */
@Schema(name = "ImportReport")
public record ImportReport(@Schema(examples = "4") int created, @Schema(examples = "0") int updated,
                           @Schema(examples = "0") int unchanged, List<Skipped> skipped) {

    @Schema(name = "ImportSkipped")
    public record Skipped(String guid, @Schema(examples = "no title") String reason) {
    }
}
