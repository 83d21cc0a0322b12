import TermKit

/// The help screen, generated from the key map's rows.
public enum HelpScreen {
    static let sections: [(KeyContext, String)] = [(.list, "In the list"), (.reader, "In the reader"), (.global, "Everywhere"), (.links, "In the list of links (L)"), (.help, "In this help")]

    public static func lines(for keyMap: KeyMap, theme: Theme) -> [StyledLine] {
        var out: [StyledLine] = [[Span("folio keys", style: theme.heading)], []]
        for (context, title) in sections {
            let rows = keyMap.rows.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            out.append([Span(title, style: theme.heading)])
            for row in rows {
                let keys = row.keys.map(\.label).joined(separator: " ")
                out.append([Span("  " + DisplayWidth.fit(keys, to: 22), style: theme.statusKey), Span(" " + row.help, style: theme.body),
                            Span("  (" + row.command.rawValue + ")", style: theme.metadata)])
            }
            out.append([])
        }
        return out
    }

    static func draw(_ state: AppState, from top: Int, in buffer: inout Buffer, _ rect: Rect) {
        TextView.draw(lines(for: state.keyMap, theme: state.theme), from: top, in: &buffer, rect.inset(left: 1))
    }
}
