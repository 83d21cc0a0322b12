import CLibXML2
import Glibc

/// Builds the `HTMLNode` tree straight from libxml2's SAX events, so libxml2
/// makes, copies and frees no tree of its own. The tree is the one libxml2's
/// own builder (SAX2.c) would make, copied as `HTMLTreeCopy` does:
/// - an element opened with no element open goes under the document: the
///   first becomes the root; later ones go into the root when the document's
///   first node is the root, and beside it (unseen) when a doctype, comment or
///   processing instruction came first;
/// - text with no element open is dropped; text right after text of the same
///   kind (plain or script/style data) joins it; a doctype in between does not
///   part them, anything else does; a text is read up to its first NUL;
/// - comments with no element open are the document's (`topComments`);
/// - an attribute with no value is "" but for HTML's boolean ones (`defer`),
///   whose value is their name;
/// - elements deeper than `HTMLParser.maxDepth` are flattened into their parent.
/// Each open element gathers its children in its own list, which it hands
/// to its node whole when it closes. Elements are numbered as they are made,
/// which is the order `PageIndex.number` gives. The state is a struct reached through a
/// pointer from the callbacks, so no access to it is checked at run time.
struct HTMLTreeBuilder {
    private let text: (String) -> String
    private var root: HTMLNode?
    private var topComments: [String] = []
    /// What the document's first node is: none yet, the root element, or a doctype, comment or PI.
    private var first = First.none
    private enum First { case none, root, other }

    /// One per element libxml2 has open.
    private struct Frame {
        /// The node made for it; nil when flattened or unseen.
        let node: HTMLNode?
        /// The frame whose list takes its children (its own, or a flattened one's nearest made
        /// ancestor's); -1 below an unseen element, whose content is dropped.
        let owner: Int
        /// Depth of its children, as `HTMLTreeCopy` counts.
        let depth: Int
        /// Where the node its children go in is in `elements`.
        let index: Int
        var children: [HTMLNode] = []
    }
    private var frames: [Frame] = []
    /// The elements made, in the order made, which is document order; and each one's parent's place there.
    private var elements: [HTMLNode] = []
    private var parents: [Int] = []
    /// Text not yet made a node: bytes, and 1 for text, 2 for script/style data, 0 for none.
    private var pending: [UInt8] = []
    private var pendingKind = 0

    private init(text: @escaping (String) -> String) {
        self.text = text
        frames.reserveCapacity(64)
        elements.reserveCapacity(256)
        parents.reserveCapacity(256)
        pending.reserveCapacity(1024)
    }

    static func build(_ input: HTMLParser.Input) -> HTMLParser.Result? {
        let state = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        state.initialize(to: HTMLTreeBuilder(text: input.text))
        defer { state.deinitialize(count: 1); state.deallocate() }
        var events = folio_html_events()
        events.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.open(name, attributes)
        }
        events.endElement = { context, _ in
            context?.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.close()
        }
        events.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.characters(bytes, Int(count), kind: 1)
        }
        events.cdataBlock = { context, bytes, count in
            guard let context, let bytes else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.characters(bytes, Int(count), kind: 2)
        }
        events.comment = { context, value in
            context?.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.comment(value)
        }
        events.processingInstruction = { context, _, _ in
            context?.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.instruction()
        }
        events.internalSubset = { context, _, _, _ in
            context?.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.first = .other  // the doctype goes first
        }
        let parsed = input.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                withUnsafePointer(to: input.xml) { xml in
                    folio_html_parse_events(xml, chars, Int32(buffer.count), HTMLParser.options, &events, state)
                }
            }
        }
        guard parsed != 0 else { return nil }
        while !state.pointee.frames.isEmpty { state.pointee.close() }  // a parse stopped short leaves elements open
        guard let root = state.pointee.root else { return nil }
        return HTMLParser.Result(root: root, topComments: state.pointee.topComments, elements: state.pointee.elements,
                                 parents: state.pointee.parents)
    }

    private mutating func open(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flush()
        // Fields read one by one: a copy of the frame would hold its list and make the append copy it.
        guard !frames.isEmpty else {
            switch first {
            case .none:
                first = .root
                let node = element(name, attributes, parent: -1)
                root = node
                frames.append(Frame(node: node, owner: frames.count, depth: 1, index: node.index))
            case .root:
                // Into the closed root, at its end.
                let node = element(name, attributes, parent: 0)
                root!.append(node)
                frames.append(Frame(node: node, owner: frames.count, depth: 2, index: node.index))
            case .other:
                if root == nil {
                    let node = element(name, attributes, parent: -1)
                    root = node
                    frames.append(Frame(node: node, owner: frames.count, depth: 1, index: node.index))
                } else {
                    frames.append(Frame(node: nil, owner: -1, depth: 1, index: -1))  // beside the root: unseen
                }
            }
            return
        }
        let owner = frames[frames.count - 1].owner, depth = frames[frames.count - 1].depth
        let index = frames[frames.count - 1].index
        guard owner >= 0, depth < HTMLParser.maxDepth else {
            frames.append(Frame(node: nil, owner: owner, depth: depth, index: index))
            return
        }
        let node = element(name, attributes, parent: index)
        frames[owner].children.append(node)
        frames.append(Frame(node: node, owner: frames.count, depth: depth + 1, index: node.index))
    }

    private mutating func close() {
        guard !frames.isEmpty else { return }
        flush()
        let frame = frames.removeLast()
        if let node = frame.node, !frame.children.isEmpty { node.adopt(frame.children) }
    }

    private mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int, kind: Int) {
        guard !frames.isEmpty else { return }
        if pendingKind != kind {
            flush()
            pendingKind = kind
        }
        pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    private mutating func comment(_ value: UnsafePointer<UInt8>?) {
        guard !frames.isEmpty else {
            if first == .none { first = .other }
            if let value { topComments.append(text(String(cString: value))) }
            return
        }
        flush()
        let owner = frames[frames.count - 1].owner
        if owner >= 0, let value { frames[owner].children.append(HTMLNode(kind: .comment, text: text(String(cString: value)))) }
    }

    private mutating func instruction() {
        guard !frames.isEmpty else {
            if first == .none { first = .other }
            return
        }
        flush()
    }

    /// Makes the pending text a node.
    private mutating func flush() {
        guard pendingKind != 0 else { return }
        pendingKind = 0
        let owner = frames[frames.count - 1].owner
        if owner >= 0 {
            let string = pending.withUnsafeBufferPointer { buffer -> String in
                // Read as a C string: up to the first NUL.
                guard let base = buffer.baseAddress else { return "" }
                var end = buffer.count
                if let nul = memchr(base, 0, buffer.count) { end = UnsafeRawPointer(nul) - UnsafeRawPointer(base) }
                return String(decoding: UnsafeBufferPointer(start: base, count: end), as: UTF8.self)
            }
            frames[owner].children.append(HTMLNode(kind: .text, text: text(string)))
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// A new element, numbered and listed with its parent's place in `elements`.
    private mutating func element(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                  parent: Int) -> HTMLNode {
        let (name, tag) = XMLNameCache.name(name)
        var list = HTMLAttributes()
        if let attributes {
            var count = 0
            while attributes[2 * count] != nil { count += 1 }
            list.reserveCapacity(count)
            for i in 0..<count {
                let attributeName = attributes[2 * i]!
                let value: String
                if let v = attributes[2 * i + 1] {
                    value = String(cString: v)
                } else {
                    value = Self.isBoolean(attributeName) ? String(cString: attributeName) : ""
                }
                list[XMLNameCache.name(attributeName).0] = text(value)
            }
        }
        let node = HTMLNode(kind: .element, name: name, tag: tag, attributes: list)
        node.index = elements.count
        elements.append(node)
        parents.append(parent)
        return node
    }

    /// libxml2's `htmlIsBooleanAttr`: attributes whose bare name means their name as value.
    private static let booleans: Set<String> = ["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple",
                                                 "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"]

    static func isBoolean(_ name: UnsafePointer<UInt8>) -> Bool {
        booleans.contains(String(cString: name).lowercased())
    }
}
