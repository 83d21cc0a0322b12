/// The elements of a parsed page numbered in document order, with what every
/// extraction pass needs to know about each one and that never changes: its
/// tag, parent, class hints, visibility and the text directly inside it. The
/// passes keep their own figures in flat arrays indexed the same way.
final class PageIndex {
    let nodes: [HTMLNode]
    let tags: [ElementTag]
    /// Index of the parent element; -1 for the root.
    let parents: [Int]
    let hints: [ClassHints]
    /// Hidden with `hidden`, `aria-hidden`, an inline `display:none` or a hiding class ("sr-only").
    let hidden: [Bool]
    /// Length and commas of the text nodes directly inside each element, whitespace collapsed.
    let ownText: [Int]
    let ownCommas: [Int]
    /// Length of all the text below each element.
    let fullText: [Int]
    /// Index just past each element's last descendant: its subtree is `i..<ends[i]`.
    let ends: [Int]
    /// Length of the text inside `<blockquote>`s below each element (quotes and embedded posts).
    let quoteText: [Int]
    /// The `<body>` (or the root when there is none).
    let body: Int

    var count: Int { nodes.count }

    convenience init(root: HTMLNode) {
        let (nodes, parents) = Self.number(root)
        self.init(nodes: nodes, parents: parents)
    }

    /// The elements below and with `root` in document order, each given its `index`, and their parents' indices.
    static func number(_ root: HTMLNode) -> (nodes: [HTMLNode], parents: [Int]) {
        var nodes: [HTMLNode] = []
        var parents: [Int] = []
        var stack: [(HTMLNode, Int)] = [(root, -1)]
        while let (node, parent) = stack.popLast() {
            node.index = nodes.count
            nodes.append(node)
            parents.append(parent)
            for child in node.children.reversed() where child.kind == .element { stack.append((child, node.index)) }
        }
        return (nodes, parents)
    }

    /// `nodes` numbered already: what `number` gives (`HTMLTreeBuilder` makes them in this order).
    init(nodes: [HTMLNode], parents: [Int]) {
        self.nodes = nodes
        self.parents = parents
        tags = nodes.map(\.tag)
        let hints: [ClassHints] = nodes.map { node in
            node.attributes.isEmpty ? .none : ClassHintsCache.shared.hints(className: node.attributes["class"], id: node.attributes["id"])
        }
        self.hints = hints
        hidden = nodes.indices.map { Self.isHidden(nodes[$0]) || hints[$0].hiddenByClass }
        var ownText = [Int](repeating: 0, count: nodes.count)
        var ownCommas = [Int](repeating: 0, count: nodes.count)
        for (i, node) in nodes.enumerated() where !tags[i].isIgnored {
            for child in node.children where child.kind == .text {
                let figures = child.textFigures
                ownText[i] += figures.length
                ownCommas[i] += figures.commas
            }
        }
        self.ownText = ownText
        self.ownCommas = ownCommas
        var fullText = ownText
        var ends = Array(1...max(1, nodes.count))
        var quoteText = [Int](repeating: 0, count: nodes.count)
        for i in stride(from: nodes.count - 1, to: 0, by: -1) {
            fullText[parents[i]] += fullText[i]
            ends[parents[i]] = max(ends[parents[i]], ends[i])
            if tags[i] == .blockquote { quoteText[i] = fullText[i] }
            quoteText[parents[i]] += quoteText[i]
        }
        self.fullText = fullText
        self.ends = ends
        self.quoteText = quoteText
        body = tags.firstIndex(of: .body) ?? 0
    }

    /// Mostly a quotation: a quoted passage or an embedded post, whatever its class says.
    func isMostlyQuote(_ i: Int) -> Bool {
        quoteText[i] > 0 && Double(quoteText[i]) >= 0.6 * Double(fullText[i])
    }

    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        ancestor < node && node < ends[ancestor]
    }

    /// An ancestor with `tag` within `levels` steps up.
    func hasAncestor(_ node: Int, tag: ElementTag, levels: Int = 3) -> Bool {
        var p = parents[node]
        var step = 0
        while p >= 0 && step <= levels {
            if tags[p] == tag { return true }
            p = parents[p]
            step += 1
        }
        return false
    }

    static func isHidden(_ node: HTMLNode) -> Bool {
        let attributes = node.attributes
        guard !attributes.isEmpty else { return false }
        if attributes["hidden"] != nil { return true }
        if attributes["aria-hidden"] == "true" {
            // Wikimedia's maths images are aria-hidden but shown.
            return !(attributes["class"] ?? "").contains("fallback-image")
        }
        guard let style = attributes["style"] else { return false }
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 { compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        return compact.contains(sequence: "display:none") || compact.contains(sequence: "visibility:hidden")
    }
}

private extension Array where Element == UInt8 {
    /// Whether the bytes of `text` occur in this array.
    func contains(sequence text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, count >= needle.count else { return false }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
