package dev.crosslink.feed;

import org.jsoup.nodes.Entities;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;

/** The few StAX steps the RSS and Atom writers share: indentation, text elements, HTML text and safe CDATA. */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final String CDATA_END = "]]>";

    private Xml() {
    }

    static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
        return FACTORY.createXMLStreamWriter(out, "UTF-8");
    }

    static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth + 1));
    }

    static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        newline(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    /**
     * Plain text in an element that feed readers render as HTML (RSS {@code title},
     * {@code description}, {@code dc:creator}): escaped as HTML first, so a title {@code a <b> c} is
     * shown as typed and never becomes markup. The XML writer then escapes it once more as XML.
     */
    static String htmlText(String text) {
        return text == null ? "" : Entities.escape(text);
    }

    /**
     * Text as CDATA. A "]]&gt;" inside would end the section early, so it is split across two
     * sections: "]]" ends the first and "&gt;" starts the next, and a parser joins them back.
     */
    static void cdata(XMLStreamWriter xml, String text) throws XMLStreamException {
        String rest = text == null ? "" : text;
        int at;
        while ((at = rest.indexOf(CDATA_END)) >= 0) {
            xml.writeCData(rest.substring(0, at + 2));
            rest = rest.substring(at + 2);
        }
        xml.writeCData(rest);
    }
}
