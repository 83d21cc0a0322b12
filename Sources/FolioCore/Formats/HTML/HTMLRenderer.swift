/// Turns an HTML subtree into `Block`s: headings, paragraphs, lists, quotes,
/// `pre`, tables, images and links (numbered), with whitespace collapsed as a
/// browser would. Elements `skip` rejects are left out with everything below them.
struct HTMLRenderer {
    let links: LinkTable
    var skip: (HTMLNode) -> Bool = { _ in false }

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "figure", "figcaption", "hr", "address", "center", "details", "summary", "form", "fieldset", "body", "html",
    ]
    static let ignoredTags: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "source", "track", "map", "button", "input", "select", "textarea", "option",
        "label", "dialog", "picture",
    ]

    func render(_ node: HTMLNode) -> [Block] {
        var builder = BlockBuilder()
        visit(node, into: &builder, style: [], link: nil)
        builder.flush()
        return builder.blocks
    }

    /// Renders the article's content items in order: whole elements, and stretches
    /// of a container's children.
    func render(_ content: ArticleContent) -> [Block] {
        var builder = BlockBuilder()
        for item in content.items {
            switch item {
            case .element(let i):
                builder.flush()
                element(content.page.nodes[i], into: &builder, style: [], link: nil)
                builder.flush()
            case .run(let run):
                builder.flush()
                for child in content.page.nodes[run.container].children[run.range] { visit(child: child, into: &builder, style: [], link: nil) }
                builder.flush()
            }
        }
        return builder.blocks
    }

    private func visit(_ node: HTMLNode, into builder: inout BlockBuilder, style: Inline.Style, link: Int?) {
        for child in node.children { visit(child: child, into: &builder, style: style, link: link) }
    }

    private func visit(child: HTMLNode, into builder: inout BlockBuilder, style: Inline.Style, link: Int?) {
        switch child.kind {
        case .text: builder.add(child.text, style: style, link: link)
        case .comment: return
        case .element: element(child, into: &builder, style: style, link: link)
        }
    }

    private func element(_ node: HTMLNode, into builder: inout BlockBuilder, style: Inline.Style, link: Int?) {
        let tag = node.name
        if Self.ignoredTags.contains(tag) || skip(node) { return }
        switch tag {
        case "br":
            builder.lineBreak()
        case "em", "i", "cite", "dfn", "var":
            visit(node, into: &builder, style: style.union(.emphasis), link: link)
        case "strong", "b":
            visit(node, into: &builder, style: style.union(.strong), link: link)
        case "code", "kbd", "samp", "tt":
            visit(node, into: &builder, style: style.union(.code), link: link)
        case "a":
            let number = node.attribute("href").flatMap { $0.hasPrefix("http") || $0.hasPrefix("mailto:") ? links.number(for: $0) : nil }
            visit(node, into: &builder, style: number == nil ? style : style.union(.link), link: number ?? link)
        case "img":
            let alt = TextCleanup.collapseWhitespace(node.attribute("alt") ?? "")
            if !alt.isEmpty { builder.addImage(alt: alt, style: style) }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            builder.flush()
            visit(node, into: &builder, style: style, link: link)
            builder.flush(as: Int(String(tag.last!))!)
        case "hr":
            builder.flush()
            builder.blocks.append(.rule)
        case "pre":
            builder.flush()
            let text = node.textContent
            let trimmed = text.hasPrefix("\n") ? String(text.dropFirst()) : text
            if !trimmed.trimmingSpacesAndNewlines().isEmpty {
                builder.blocks.append(.code(trimmed.replacingOccurrences(of: "\r\n", with: "\n").trimmingTrailingNewlines))
            }
        case "blockquote":
            builder.flush()
            let inner = render(node)
            if !inner.isEmpty { builder.blocks.append(.quote(inner)) }
        case "ul", "ol":
            builder.flush()
            let items = node.elementChildren.filter { $0.name == "li" && !skip($0) }.map(render).filter { !$0.isEmpty }
            if !items.isEmpty {
                let start = Int(node.attribute("start") ?? "") ?? 1
                builder.blocks.append(.list(ordered: tag == "ol", start: start, items: items))
            } else {
                visit(node, into: &builder, style: style, link: link)
                builder.flush()
            }
        case "table":
            builder.flush()
            builder.blocks.append(contentsOf: table(node))
        default:
            if Self.blockTags.contains(tag) {
                builder.flush()
                visit(node, into: &builder, style: style, link: link)
                builder.flush()
            } else {
                visit(node, into: &builder, style: style, link: link)
            }
        }
    }

    /// A data table as rows of cells; a layout table (one column, or cells full of
    /// blocks) as its content.
    private func table(_ node: HTMLNode) -> [Block] {
        // Rows of this table, not of tables nested in its cells.
        let rows = node.elementChildren.flatMap { child in
            ["thead", "tbody", "tfoot"].contains(child.name) ? child.elementChildren.filter { $0.name == "tr" } : child.name == "tr" ? [child] : []
        }
        let cells = rows.map { row in row.elementChildren.filter { $0.name == "td" || $0.name == "th" } }
        let columns = cells.map(\.count).max() ?? 0
        let nested = node.descendants { $0.name == "table" || $0.name == "p" || $0.name == "div" }.count > 2
        if columns <= 1 || nested {
            return render(node)
        }
        let tableRows: [[[Inline]]] = cells.map { row in
            row.map { cell in render(cell).map(\.plainText).joined(separator: " ") }.map { [Inline($0)] }
        }.filter { !$0.isEmpty }
        let hasHeader = cells.first?.allSatisfy { $0.name == "th" } ?? false
        return tableRows.isEmpty ? [] : [.table(rows: tableRows, hasHeader: hasHeader)]
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}
