import TermKit

/// " folio ─ Samples ─ 17 articles, 12 unread                     ? help"
enum TitleBar {
    static func draw(_ state: AppState, in buffer: inout Buffer, _ rect: Rect) {
        let count = state.rows.count
        var text = " folio ─ \(state.folderName) ─ \(count) article\(count == 1 ? "" : "s"), \(state.unreadCount) unread"
        if state.problemCount > 0 { text += " ─ \(state.problemCount) unreadable" }
        let help = "? help "
        let room = rect.width - (rect.width >= 40 ? DisplayWidth.of(help) : 0)
        buffer.put(DisplayWidth.truncate(text, to: room), x: rect.x, y: rect.y, style: state.theme.titleBar)
        if rect.width >= 40 { buffer.put(help, x: rect.maxX - DisplayWidth.of(help), y: rect.y, style: state.theme.metadata) }
    }
}
