import CLibXML2

/// The way pages were parsed before `HTMLTreeBuilder`: libxml2 builds its own
/// tree (`htmlReadMemory`), which is copied into `HTMLNode`s and freed. Kept as
/// the reference the builder is tested against (HTMLTreeBuilderTests).
enum HTMLTreeCopy {
    static func parse(_ page: [UInt8], encoding: String) -> HTMLParser.Result? {
        guard let input = HTMLParser.Input(page, encoding: encoding) else { return nil }
        let xml = input.xml
        let doc = input.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xml.readMemory(chars, Int32(buffer.count), nil, "UTF-8", HTMLParser.options)
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
        let root = convert(rootPointer, xml: xml, text: input.text)
        let (elements, parents) = PageIndex.number(root)
        return HTMLParser.Result(root: root, topComments: comments.map(input.text), elements: elements, parents: parents)
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
                if depth >= HTMLParser.maxDepth {
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
        while let a = attribute {
            if let n = a.pointee.name, let value = attributeValue(a, xml: xml) {
                attributes[XMLNameCache.name(n).0] = text(value)
            }
            attribute = a.pointee.next
        }
        return HTMLNode(kind: .element, name: name, tag: tag, attributes: attributes)
    }

    /// What `xmlNodeGetContent` gives for an attribute.
    private static func attributeValue(_ a: xmlAttrPtr, xml: folio_xml_api) -> String? {
        guard let value = xml.nodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) else { return nil }
        defer { xml.free.pointee?(value) }
        return String(cString: value)
    }
}
