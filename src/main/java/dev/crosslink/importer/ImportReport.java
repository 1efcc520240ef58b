package dev.crosslink.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an import did: how many posts it created, updated or left unchanged, what it skipped and
 * why, and what in the imported posts an editor should look at.
 */
@Schema(name = "ImportReport")
public record ImportReport(@Schema(examples = "4") int created, @Schema(examples = "0") int updated,
                           @Schema(examples = "0") int unchanged, List<Skipped> skipped, List<Warning> warnings) {

    @Schema(name = "ImportWarning")
    public record Warning(String guid,
                          @Schema(examples = "kept a paragraph that repeats the code block after it, perhaps another renderer's debris")
                          String message) {
    }

    @Schema(name = "ImportSkipped")
    public record Skipped(@Schema(nullable = true, description = "null when the guid itself was refused") String guid, @Schema(examples = "no title") String reason) {
    }
}
