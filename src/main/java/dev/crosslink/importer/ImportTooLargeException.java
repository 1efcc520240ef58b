package dev.crosslink.importer;

/** A feed with more items than one import takes ({@link FeedImporter#MAX_ITEMS}); nothing is written. */
public class ImportTooLargeException extends RuntimeException {

    public ImportTooLargeException(int items, int limit) {
        super("The feed has " + items + " items; one import takes at most " + limit
                + ". Split the feed and import the parts one after the other.", null, false, false);
    }
}
