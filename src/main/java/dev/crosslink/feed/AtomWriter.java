package dev.crosslink.feed;

import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Atom 1.0 (RFC 4287) of the same items, written with StAX. */
@ApplicationScoped
public class AtomWriter {

    public static final String MEDIA_TYPE = "application/atom+xml; charset=UTF-8";
    private static final String NS = RssWriter.ATOM_NS;

    public byte[] write(FeedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", channel.language());
            Xml.element(xml, 0, "id", channel.selfUrl());
            Xml.element(xml, 0, "title", channel.title());
            Xml.element(xml, 0, "subtitle", channel.description());
            Xml.element(xml, 0, "updated", rfc3339(channel.updated() == null ? Instant.EPOCH : channel.updated()));
            link(xml, 0, "self", channel.selfUrl(), "application/atom+xml");
            link(xml, 0, "alternate", channel.link(), "text/html");
            if (channel.hub() != null) {
                Xml.newline(xml, 0);
                xml.writeEmptyElement("link");
                xml.writeAttribute("rel", "hub");
                xml.writeAttribute("href", channel.hub());
            }
            for (FeedItem item : channel.items()) {
                Xml.newline(xml, 0);
                xml.writeStartElement("entry");
                Xml.element(xml, 1, "id", item.guid());
                Xml.element(xml, 1, "title", item.title());
                link(xml, 1, "alternate", item.link(), "text/html");
                Xml.element(xml, 1, "published", rfc3339(item.published()));
                Xml.element(xml, 1, "updated", rfc3339(item.updated()));
                Xml.newline(xml, 1);
                xml.writeStartElement("author");
                Xml.element(xml, 2, "name", item.author());
                Xml.newline(xml, 1);
                xml.writeEndElement();
                Xml.element(xml, 1, "summary", item.summary());
                Xml.newline(xml, 1);
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(item.contentHtml());
                xml.writeEndElement();
                for (String category : item.categories()) {
                    Xml.newline(xml, 1);
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", category);
                }
                Xml.newline(xml, 0);
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write Atom", e);
        }
        return out.toByteArray();
    }

    private static void link(XMLStreamWriter xml, int depth, String rel, String href, String type) throws XMLStreamException {
        Xml.newline(xml, depth);
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
