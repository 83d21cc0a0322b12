import TermKit

/// The bottom line: a message, or the key hints for the focused pane; the
/// reader's position on the right.
enum StatusBar {
    static func draw(_ state: AppState, in buffer: inout Buffer, _ rect: Rect) {
        let theme = state.theme
        let position = (state.helpTop == nil ? ReaderPane.position(state) : nil).map { " " + $0 + " " } ?? ""
        let room = rect.width - DisplayWidth.of(position)
        if let prompt = state.prompt {
            // The end of what is typed stays in view, with a block for the cursor.
            let label = " " + prompt.label
            let textRoom = max(1, rect.width - DisplayWidth.of(label) - 2)
            var text = prompt.text
            while DisplayWidth.of(text) > textRoom { text.removeFirst() }
            var x = rect.x + buffer.put(label, x: rect.x, y: rect.y, style: theme.message)
            x += buffer.put(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
            buffer.put(" ", x: x, y: rect.y, maxWidth: 1, style: .reverse)
            return
        }
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
