package dev.crosslink.web;

/**
 * Fired by every write that can change what anonymous readers see. Observers that run after the
 * transaction commits (the public response cache) learn of the change only once it is visible.
 */
public record ContentChanged(String what) {
}
