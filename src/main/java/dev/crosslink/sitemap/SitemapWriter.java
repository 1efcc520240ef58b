package dev.crosslink.sitemap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The sitemaps.org 0.9 documents, written with StAX: a {@code urlset}, or a {@code sitemapindex} of them. */
final class SitemapWriter {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String MEDIA_TYPE = "application/xml";

    /** A URL and when what it shows last changed. */
    record Entry(String loc, Instant lastmod) {
    }

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SitemapWriter() {
    }

    static byte[] urlset(List<Entry> urls) {
        return document("urlset", "url", urls);
    }

    /** An index whose entries are the parts' own URLs, each with its newest lastmod. */
    static byte[] index(List<Entry> parts) {
        return document("sitemapindex", "sitemap", parts);
    }

    private static byte[] document(String root, String element, List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entries.size() * 128);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(NAMESPACE);
            for (Entry entry : entries) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement(element);
                text(xml, "loc", entry.loc());
                if (entry.lastmod() != null) {
                    text(xml, "lastmod", entry.lastmod().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a sitemap to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
