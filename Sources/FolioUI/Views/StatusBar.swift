import TermKit

/// The bottom line: a message, or the key hints for the focused pane; the
/// reader's position on the right.
enum StatusBar {
    static func draw(_ state: AppState, in buffer: inout Buffer, _ rect: Rect) {
        let theme = state.theme
        let position = (state.helpTop == nil ? ReaderPane.position(state) : nil).map { " " + $0 + " " } ?? ""
        let room = rect.width - DisplayWidth.of(position)
        if let message = state.message {
            buffer.put(" " + message, x: rect.x, y: rect.y, maxWidth: room, style: theme.message)
        } else {
            var x = rect.x + 1
            for hint in state.keyMap.hints(for: state.keyContext) {
                let width = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.text)
                guard x + width <= rect.x + room else { break }
                x += buffer.put(hint.keys, x: x, y: rect.y, style: theme.statusKey)
                x += buffer.put(" " + hint.text + "  ", x: x, y: rect.y, maxWidth: rect.x + room - x, style: theme.statusBar)
            }
        }
        if !position.isEmpty { buffer.put(position, x: rect.maxX - DisplayWidth.of(position), y: rect.y, style: theme.metadata) }
    }
}
