import CLibXML2
import Foundation

/// Parses HTML with libxml2's forgiving HTML parser and copies the tree into
/// `HTMLNode`s. Nesting deeper than `maxDepth` is flattened into the node at
/// that depth, so hostile pages with 100,000 nested elements stay safe.
enum HTMLParser {
    static let maxDepth = 180

    struct Result {
        let root: HTMLNode
        /// Comments outside the root element (e.g. "saved from url=").
        let topComments: [String]
    }

    /// Parses `page`, whose character set is `encoding` (see `HTMLCharset`).
    static func parse(_ page: [UInt8], encoding: String) -> Result? {
        guard !page.isEmpty, page.count < Int(Int32.max), case .success(var xml) = LibXML2.loaded else { return nil }
        let utf8 = Transcoder.utf8(page, from: encoding) ?? page  // an unknown character set: read it as UTF-8
        let limited = AttributeLimiter.limit(utf8) ?? utf8
        let shielded = ControlShield.shield(limited)
        let bytes = shielded ?? limited
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        folio_xml_silence_errors(&xml)  // libxml2 would print encoding errors to stderr (the screen)
        // XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which it drops the whole
        // document: unclosed tags on a malformed page can nest that deep. The page is UTF-8
        // by now, whatever its own declaration says.
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xml.readMemory(chars, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        defer { xml.freeDoc(doc) }

        var comments: [String] = []
        var top = doc.pointee.children
        while let node = top {
            if node.pointee.type == XML_COMMENT_NODE, let content = node.pointee.content { comments.append(String(cString: content)) }
            top = node.pointee.next
        }
        guard let rootPointer = xml.rootElement(doc) else { return nil }
        let text: (String) -> String = shielded == nil ? { $0 } : ControlShield.restore
        return Result(root: convert(rootPointer, xml: xml, text: text), topComments: comments.map(text))
    }

    /// Copies a libxml2 subtree without recursion.
    /// `text` puts back what `ControlShield` stood in for.
    private static func convert(_ rootPointer: xmlNodePtr, xml: folio_xml_api, text: (String) -> String) -> HTMLNode {
        let root = element(rootPointer, xml: xml, text: text)
        var stack: [(xmlNodePtr?, HTMLNode, Int)] = [(rootPointer.pointee.children, root, 1)]
        while !stack.isEmpty {
            let (pointer, parent, depth) = stack.removeLast()
            guard let node = pointer else { continue }
            stack.append((node.pointee.next, parent, depth))  // siblings after this one
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if depth >= maxDepth {
                    stack.append((node.pointee.children, parent, depth))  // flatten into parent
                } else {
                    let child = element(node, xml: xml, text: text)
                    parent.append(child)
                    stack.append((node.pointee.children, child, depth + 1))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { parent.append(HTMLNode(kind: .text, text: text(String(cString: content)))) }
            case XML_COMMENT_NODE:
                if let content = node.pointee.content { parent.append(HTMLNode(kind: .comment, text: text(String(cString: content)))) }
            default:
                break
            }
        }
        return root
    }

    private static func element(_ node: xmlNodePtr, xml: folio_xml_api, text: (String) -> String) -> HTMLNode {
        let (name, tag) = node.pointee.name.map(XMLNameCache.name) ?? ("", ElementTag(name: ""))
        var attributes = HTMLAttributes()
        var attribute = node.pointee.properties
        var count = 0
        while let a = attribute { count += 1; attribute = a.pointee.next }
        if count > 0 { attributes.reserveCapacity(count) }
        attribute = node.pointee.properties
        while let a = attribute {
            if let n = a.pointee.name, let value = attributeValue(a, xml: xml) {
                attributes[XMLNameCache.name(n).0] = text(value)
            }
            attribute = a.pointee.next
        }
        let element = HTMLNode(kind: .element, name: name, tag: tag, attributes: attributes)
        // Room for the children at once, not grown one by one as they are appended.
        var children = 0
        var child = node.pointee.children
        while let c = child { children += 1; child = c.pointee.next }
        if children > 0 { element.reserveChildren(children) }
        return element
    }

    /// What `xmlNodeGetContent` gives for an attribute, read in place when the
    /// value is one text node (nearly always) instead of copied by libxml2 first.
    private static func attributeValue(_ a: xmlAttrPtr, xml: folio_xml_api) -> String? {
        if let child = a.pointee.children, child.pointee.next == nil,
           child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE,
           let content = child.pointee.content {
            return String(cString: content)
        }
        guard let value = xml.nodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) else { return nil }
        defer { xml.free.pointee?(value) }
        return String(cString: value)
    }
}
