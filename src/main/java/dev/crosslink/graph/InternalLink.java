package dev.crosslink.graph;

import java.util.UUID;

/** An internal link as the graph reads it: a small row from the link table, never an entity. */
record InternalLink(UUID source, int position, String href, String text, TargetType type, String slug) {
}
