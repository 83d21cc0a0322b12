import TermKit

/// " folio ─ Samples ─ 17 articles, 12 unread                     ? help"
enum TitleBar {
    static func draw(_ state: AppState, in buffer: inout Buffer, _ rect: Rect) {
        let count = state.library.count
        var counts = " ─ \(count) article\(count == 1 ? "" : "s"), \(state.unreadCount) unread"
        if state.problemCount > 0 { counts += " ─ \(state.problemCount) unreadable" }
        if state.stateIsReadOnly { counts += " ─ read-only" }
        if let filter = state.filter { counts += " ─ \(filter.text) (\(state.rows.count) shown)" }
        if state.sort != .date || state.sortReversed { counts += " ─ by \(state.sort.label)\(state.sortReversed ? ", reversed" : "")" }
        if let progress = state.indexing {
            counts += progress.total > 0 ? " ─ indexing \(grouped(progress.done)) / \(grouped(progress.total))" : " ─ checking folder"
        }
        let help = "? help "
        let room = rect.width - (rect.width >= 40 ? DisplayWidth.of(help) + 1 : 0)
        // The counts matter more than the folder: shorten the folder from the left first.
        let folderRoom = room - DisplayWidth.of(" folio ─ ") - DisplayWidth.of(counts)
        let folder = folderRoom >= 8 ? leftTruncated(state.folderName, to: folderRoom) : ""
        let text = folder.isEmpty ? " folio" + counts : " folio ─ " + folder + counts
        buffer.put(DisplayWidth.truncate(text, to: room), x: rect.x, y: rect.y, style: state.theme.titleBar)
        if rect.width >= 40 { buffer.put(help, x: rect.maxX - DisplayWidth.of(help), y: rect.y, style: state.theme.metadata) }
    }

    /// "…/Articles/2026" for a folder name too long for `width` columns.
    static func leftTruncated(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var start = text.endIndex
        var used = 1  // the ellipsis
        while start > text.startIndex {
            let before = text.index(before: start)
            let columns = DisplayWidth.of(text[before])
            if used + columns > width { break }
            used += columns
            start = before
        }
        return "…" + String(text[start...])  // (String + Substring is generic: looked up at run time)
    }

    /// 10000 -> "10,000".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
