import TermKit

/// Draws the whole screen from the state. Pure: the same state always gives
/// the same buffer.
public enum Screen {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(size: state.size)
        let layout = state.layout
        if layout.tooSmall {
            buffer.put("terminal too small", x: 0, y: 0, style: .bold)
            buffer.put("need \(Layout.minimumSize.width)×\(Layout.minimumSize.height)", x: 0, y: 1)
            return buffer
        }
        TitleBar.draw(state, in: &buffer, layout.titleBar)
        if let top = state.helpTop {
            HelpScreen.draw(state, from: top, in: &buffer, Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 2))
        } else {
            if !state.zoomed {
                ListPane.draw(state, in: &buffer, layout.list)
                let style = state.focus == .reader ? state.theme.focusedSeparator : state.theme.separator
                if layout.sideBySide {
                    Rule.vertical(in: &buffer, layout.separator, style: style)
                } else {
                    Rule.horizontal(in: &buffer, layout.separator, style: style)
                }
            }
            ReaderPane.draw(state, in: &buffer, layout)
        }
        StatusBar.draw(state, in: &buffer, layout.statusBar)
        return buffer
    }
}
