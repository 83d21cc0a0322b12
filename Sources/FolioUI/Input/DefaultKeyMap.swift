import TermKit

extension KeyMap {
    /// The default bindings, familiar to users of vi, less, mutt and newsboat.
    public static let standard = KeyMap(rows: [
        Row(.down, [.char("j"), .down], .list, "Next article", hint: "move"),
        Row(.up, [.char("k"), .up], .list, "Previous article"),
        Row(.first, [.char("g"), .home], .list, "First article"),
        Row(.last, [.char("G"), .end], .list, "Last article"),
        Row(.pageDown, [.pageDown, .ctrl("f")], .list, "Page down"),
        Row(.pageUp, [.pageUp, .ctrl("b")], .list, "Page up"),
        Row(.halfPageDown, [.ctrl("d")], .list, "Half a page down"),
        Row(.halfPageUp, [.ctrl("u")], .list, "Half a page up"),
        Row(.open, [.enter, .char("l"), .right], .list, "Open the article in the reader", hint: "open"),
        Row(.quit, [.char("q")], .list, "Quit", hint: "quit"),

        Row(.down, [.char("j"), .down, .enter], .reader, "Scroll down a line", hint: "scroll"),
        Row(.up, [.char("k"), .up], .reader, "Scroll up a line"),
        Row(.pageDown, [.char(" "), .pageDown, .ctrl("f")], .reader, "Page down", hint: "page"),
        Row(.pageUp, [.char("b"), .pageUp, .ctrl("b")], .reader, "Page up"),
        Row(.halfPageDown, [.ctrl("d")], .reader, "Half a page down"),
        Row(.halfPageUp, [.ctrl("u")], .reader, "Half a page up"),
        Row(.first, [.char("g"), .home], .reader, "Top of the article"),
        Row(.last, [.char("G"), .end], .reader, "End of the article"),
        Row(.back, [.char("h"), .left, .escape, .char("q")], .reader, "Back to the list", hint: "back"),

        Row(.nextUnread, [.char("n")], .global, "Open the next unread article", hint: "next unread"),
        Row(.previousUnread, [.char("p")], .global, "Open the previous unread article"),
        Row(.toggleRead, [.char("N")], .global, "Toggle read/unread", hint: "toggle read"),
        Row(.markAllRead, [.char("A")], .global, "Mark all articles read"),
        Row(.switchFocus, [.tab, .backTab], .global, "Switch between list and reader"),
        Row(.zoom, [.char("z")], .global, "Zoom the reader to full screen and back"),
        Row(.redraw, [.ctrl("l")], .global, "Redraw the screen"),
        Row(.help, [.char("?"), .function(1)], .global, "Show this help", hint: "help"),
        Row(.quitAll, [.char("Q")], .global, "Quit from anywhere"),

        Row(.down, [.char("j"), .down], .help, "Scroll help down", hint: "scroll"),
        Row(.up, [.char("k"), .up], .help, "Scroll help up"),
        Row(.pageDown, [.char(" "), .pageDown], .help, "Page help down"),
        Row(.pageUp, [.char("b"), .pageUp], .help, "Page help up"),
        Row(.closeHelp, [.char("?"), .char("q"), .escape, .enter, .function(1)], .help, "Close help", hint: "close help"),
        Row(.quitAll, [.char("Q")], .help, "Quit from anywhere"),
    ])
}
