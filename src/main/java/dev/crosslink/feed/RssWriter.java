package dev.crosslink.feed;

import dev.crosslink.web.WebUrl;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/** RSS 2.0 in the seed feed's shape, written with StAX; only namespaces in use are declared. */
@ApplicationScoped
public class RssWriter {

    public static final String MEDIA_TYPE = "application/rss+xml; charset=UTF-8";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public byte[] write(FeedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            boolean hasItems = !channel.items().isEmpty();
            if (hasItems) {
                xml.writeNamespace("content", CONTENT_NS);
                xml.writeNamespace("dc", DC_NS);
            }
            xml.writeNamespace("atom", ATOM_NS);
            Xml.newline(xml, 0);
            xml.writeStartElement("channel");
            Xml.element(xml, 1, "title", Xml.htmlText(channel.title()));
            Xml.element(xml, 1, "link", channel.link());
            Xml.element(xml, 1, "description", Xml.htmlText(channel.description()));
            Xml.element(xml, 1, "language", channel.language());
            if (channel.updated() != null) {
                Xml.element(xml, 1, "lastBuildDate", rfc822(channel.updated()));
            }
            Xml.newline(xml, 1);
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("href", channel.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            if (channel.hub() != null) {
                Xml.newline(xml, 1);
                xml.writeEmptyElement("atom", "link", ATOM_NS);
                xml.writeAttribute("href", channel.hub());
                xml.writeAttribute("rel", "hub");
            }
            for (FeedItem item : channel.items()) {
                item(xml, item);
            }
            Xml.newline(xml, 0);
            xml.writeEndElement(); // channel
            xml.writeCharacters("\n");
            xml.writeEndElement(); // rss
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write RSS", e);
        }
        return out.toByteArray();
    }

    private static void item(XMLStreamWriter xml, FeedItem item) throws XMLStreamException {
        Xml.newline(xml, 1);
        xml.writeStartElement("item");
        Xml.element(xml, 2, "title", Xml.htmlText(item.title()));
        Xml.element(xml, 2, "link", item.link());
        Xml.newline(xml, 2);
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", String.valueOf(WebUrl.isValid(item.guid())));
        xml.writeCharacters(item.guid());
        xml.writeEndElement();
        Xml.element(xml, 2, "pubDate", rfc822(item.published()));
        Xml.element(xml, 2, "description", Xml.htmlText(item.summary()));
        Xml.newline(xml, 2);
        xml.writeStartElement("dc", "creator", DC_NS);
        Xml.cdata(xml, Xml.htmlText(item.author()));
        xml.writeEndElement();
        Xml.newline(xml, 2);
        xml.writeStartElement("content", "encoded", CONTENT_NS);
        Xml.cdata(xml, item.contentHtml());
        xml.writeEndElement();
        for (String category : item.categories()) {
            Xml.element(xml, 2, "category", category);
        }
        Xml.newline(xml, 1);
        xml.writeEndElement();
    }

    static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }
}
