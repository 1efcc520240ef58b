package dev.crosslink.importer;

import dev.crosslink.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RSS 2.0 and Atom 1.0 with StAX, securely: DTD processing and external entities are off,
 * and any DOCTYPE is refused outright, so no entity (external, or a billion laughs) is ever
 * expanded. Malformed XML is a 400 that names the line.
 */
@ApplicationScoped
public class FeedParser {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private static final XMLInputFactory FACTORY = secureFactory();

    /** A feed as read, before any of it is trusted. */
    public record ParsedFeed(String link, List<ParsedItem> items) {
    }

    public record ParsedItem(String guid, String link, String title, Instant published, String author, String html,
                             String description, List<String> categories) {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    public ParsedFeed parse(byte[] xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw bad("a DOCTYPE is not accepted (no DTDs or entities in imported feeds)");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (reader.getLocalName().equals("rss")) {
                            return rss(reader);
                        }
                        if (reader.getLocalName().equals("feed") && ATOM.equals(reader.getNamespaceURI())) {
                            return atom(reader);
                        }
                        throw bad("the document is neither RSS 2.0 (<rss>) nor Atom (<feed>)");
                    }
                }
                throw bad("the document is empty");
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw bad("malformed XML" + where);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK's StAX parser fails on some malformed input with an unchecked exception instead
            // of an XMLStreamException (ImporterFuzzTest found a MissingResourceException,
            // "InvalidCharInDTD"): it is still a bad document, a 400, never a 500.
            throw bad("malformed XML");
        }
    }

    private ParsedFeed rss(XMLStreamReader reader) throws XMLStreamException {
        String link = null;
        List<ParsedItem> items = new ArrayList<>();
        int depth = 1;
        while (reader.hasNext() && depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                String ns = reader.getNamespaceURI();
                if (name.equals("item")) {
                    items.add(rssItem(reader));
                } else if (name.equals("link") && (ns == null || ns.isEmpty()) && depth == 2) {
                    link = text(reader);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD) {
                throw bad("a DOCTYPE is not accepted");
            }
        }
        return new ParsedFeed(link, items);
    }

    private ParsedItem rssItem(XMLStreamReader reader) throws XMLStreamException {
        String guid = null, link = null, title = null, author = null, html = null, description = null;
        Instant published = null;
        List<String> categories = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("item")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            switch (ns + "|" + reader.getLocalName()) {
                case "|guid" -> guid = text(reader);
                case "|link" -> link = text(reader);
                case "|title" -> title = text(reader);
                case "|pubDate" -> published = date(text(reader));
                case "|description" -> description = text(reader);
                case "|category" -> categories.add(text(reader));
                case "|author" -> author = author == null ? text(reader) : author;
                case DC + "|creator" -> author = text(reader);
                case CONTENT + "|encoded" -> html = text(reader);
                default -> skip(reader);
            }
        }
        return new ParsedItem(guid, link, title, published, author, html, description, categories);
    }

    private ParsedFeed atom(XMLStreamReader reader) throws XMLStreamException {
        String link = null;
        List<ParsedItem> items = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("feed")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "entry" -> items.add(atomEntry(reader));
                case "link" -> {
                    String rel = reader.getAttributeValue(null, "rel");
                    if (rel == null || rel.equals("alternate")) {
                        link = reader.getAttributeValue(null, "href");
                    }
                    skip(reader);
                }
                default -> skip(reader);
            }
        }
        return new ParsedFeed(link, items);
    }

    private ParsedItem atomEntry(XMLStreamReader reader) throws XMLStreamException {
        String guid = null, link = null, title = null, author = null, html = null, summary = null;
        Instant published = null;
        Instant updated = null;
        List<String> categories = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("entry")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "id" -> guid = text(reader);
                case "title" -> title = text(reader);
                case "published" -> published = date(text(reader));
                case "updated" -> updated = date(text(reader));
                case "summary" -> summary = text(reader);
                case "content" -> html = text(reader);
                case "category" -> {
                    String term = reader.getAttributeValue(null, "term");
                    if (term != null) {
                        categories.add(term);
                    }
                    skip(reader);
                }
                case "link" -> {
                    String rel = reader.getAttributeValue(null, "rel");
                    if (rel == null || rel.equals("alternate")) {
                        link = reader.getAttributeValue(null, "href");
                    }
                    skip(reader);
                }
                case "author" -> author = atomAuthor(reader);
                default -> skip(reader);
            }
        }
        return new ParsedItem(guid, link, title, published != null ? published : updated, author, html, summary, categories);
    }

    private String atomAuthor(XMLStreamReader reader) throws XMLStreamException {
        String name = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("author")) {
                return name;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (reader.getLocalName().equals("name")) {
                    name = text(reader);
                } else {
                    skip(reader);
                }
            }
        }
        return name;
    }

    /** The element's text; markup inside it (Atom xhtml content, say) is read as its text only. */
    private static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw bad("entity references are not accepted");
                default -> { }
            }
        }
        String value = text.toString().strip();
        return value.isEmpty() ? null : value;
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(400, "The feed cannot be imported: " + detail);
    }
}
