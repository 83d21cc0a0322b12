import TermKit

/// The reader: the article's laid-out lines from the scroll position.
enum ReaderPane {
    static func draw(_ state: AppState, in buffer: inout Buffer, _ layout: Layout) {
        let rect = layout.reader
        guard rect.height > 0, rect.width > 0 else { return }
        guard let reader = state.reader else {
            if !state.rows.isEmpty { buffer.put(" Select an article and press Enter.", x: rect.x, y: rect.y, maxWidth: rect.width, style: state.theme.metadata) }
            return
        }
        let text = Rect(x: layout.readerTextX, y: rect.y, width: layout.readerTextWidth, height: rect.height)
        if state.linkSelection != nil, case .loaded(let article) = reader.content {
            LinksView.draw(article.links, selected: state.linkSelection!, theme: state.theme, in: &buffer, text)
            return
        }
        if let find = reader.find {
            // Only the visible lines are searched for highlighting.
            let visible = reader.lines.dropFirst(reader.top).prefix(rect.height).map { ReaderFind.highlight($0, find) }
            TextView.draw(Array(visible), from: 0, in: &buffer, text)
        } else {
            TextView.draw(reader.lines, from: reader.top, in: &buffer, text)
        }
    }

    /// "31%": how far through the article the bottom of the pane is.
    static func position(_ state: AppState) -> String? {
        guard let reader = state.reader, !reader.lines.isEmpty else { return nil }
        let height = state.layout.reader.height
        let total = LazyArticleLayout.estimatedLineCount(reader)
        if total <= height { return "All" }
        if reader.top == 0 { return "Top" }
        let percent = min(reader.laidOutBlocks == nil ? 100 : 99, (reader.top + height) * 100 / total)
        return percent >= 100 ? "End" : "\(percent)%"
    }
}
