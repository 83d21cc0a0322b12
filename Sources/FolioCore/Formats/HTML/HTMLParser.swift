import CLibXML2
import Foundation

/// Parses HTML with libxml2's forgiving HTML parser into `HTMLNode`s, built
/// straight from its events (`HTMLTreeBuilder`): the tree is the one libxml2
/// would have built and `HTMLTreeCopy` copied. Nesting deeper than `maxDepth`
/// is flattened into the node at that depth, so hostile pages with 100,000
/// nested elements stay safe.
enum HTMLParser {
    static let maxDepth = 180

    struct Result {
        let root: HTMLNode
        /// Comments outside the root element (e.g. "saved from url=").
        let topComments: [String]
        /// The elements in document order, numbered, and their parents: `PageIndex.number(root)`.
        let elements: [HTMLNode]
        let parents: [Int]
    }

    /// Parses `page`, whose character set is `encoding` (see `HTMLCharset`).
    static func parse(_ page: [UInt8], encoding: String) -> Result? {
        guard let input = Input(page, encoding: encoding) else { return nil }
        return HTMLTreeBuilder.build(input)
    }

    /// XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which it drops the whole
    /// document: unclosed tags on a malformed page can nest that deep. The page is UTF-8
    /// by now, whatever its own declaration says.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// A page made ready for libxml2: UTF-8, attributes limited, controls shielded.
    struct Input {
        let bytes: [UInt8]
        let xml: folio_xml_api
        /// Puts back in a text what `ControlShield` stood in for.
        let text: (String) -> String

        init?(_ page: [UInt8], encoding: String) {
            guard !page.isEmpty, page.count < Int(Int32.max), case .success(var xml) = LibXML2.loaded else { return nil }
            let utf8 = Transcoder.utf8(page, from: encoding) ?? page  // an unknown character set: read it as UTF-8
            let limited = AttributeLimiter.limit(utf8) ?? utf8
            let shielded = ControlShield.shield(limited)
            let bytes = shielded ?? limited
            guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
            folio_xml_silence_errors(&xml)  // libxml2 would print encoding errors to stderr (the screen)
            self.bytes = bytes
            self.xml = xml
            text = shielded == nil ? { $0 } : ControlShield.restore
        }
    }
}
