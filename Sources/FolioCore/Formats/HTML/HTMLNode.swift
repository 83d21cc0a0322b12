/// A small DOM built from libxml2's tree, so that the extraction code is plain
/// Swift. Depth is capped when the tree is built, so walking it recursively is safe.
final class HTMLNode {
    enum Kind { case element, text, comment }

    let kind: Kind
    /// Lower-case tag name for elements; empty otherwise.
    let name: String
    /// `ElementTag(name: name)`, found when the node is made; `.other` for text and comments.
    let tag: ElementTag
    let attributes: HTMLAttributes
    /// Text for text and comment nodes.
    let text: String
    private(set) var children: [HTMLNode] = []
    /// Position among the page's elements in document order (see `PageIndex`); -1 until numbered.
    var index = -1

    init(kind: Kind, name: String = "", tag: ElementTag? = nil, attributes: HTMLAttributes = [:], text: String = "") {
        self.kind = kind
        self.name = name
        self.tag = tag ?? (kind == .element ? ElementTag(name: name) : .other)
        self.attributes = attributes
        self.text = text
    }

    func append(_ child: HTMLNode) {
        children.append(child)
    }

    /// Gives a node with no children yet its whole list at once.
    func adopt(_ list: [HTMLNode]) {
        children = list
    }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// For text nodes: length as laid out (whitespace collapsed) and commas, measured once.
    lazy var textFigures: (length: Int, commas: Int) = TextFigures.measure(text)

    /// Class and id, lower-cased, for hints like "article-body" or "share-bar".
    lazy var classAndID: String = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).quickLowercased()

    var elementChildren: [HTMLNode] { children.filter { $0.kind == .element } }

    /// All text below this node, whitespace as in the source.
    var textContent: String {
        if kind == .text { return text }
        if kind == .comment { return "" }
        var result = ""
        forEachText { result += $0 }
        return result
    }

    func forEachText(_ body: (String) -> Void) {
        for child in children {
            switch child.kind {
            case .text: body(child.text)
            case .element: child.forEachText(body)
            case .comment: break
            }
        }
    }

    /// Elements below this node (depth first, document order) matching `predicate`.
    func descendants(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var stack: [HTMLNode] = children.reversed()
        while let node = stack.popLast() {
            guard node.kind == .element else { continue }
            if predicate(node) { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }

    func first(_ tag: String) -> HTMLNode? { descendants { $0.name == tag }.first }
}
