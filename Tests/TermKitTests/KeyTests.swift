import Testing
@testable import TermKit

@Suite struct KeyTests {
    static let specialKeys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
                                     .enter, .tab, .backTab, .backspace, .escape, .delete, .insert]
    static let ctrlLetters: [Key] = "abcdefghijklmnopqrstuvwxyz".map { .ctrl($0) }
    static let functionKeys: [Key] = (1...24).map { .function($0) }
    static let characters: [Key] = ["a", "Z", "j", "G", "?", " ", "<", ">", "é", "日"].map { .char($0) }

    @Test(arguments: specialKeys + ctrlLetters + functionKeys + characters)
    func nameRoundTrips(_ key: Key) {
        #expect(Key(name: key.name) == key)
    }

    @Test func namesAreWrittenAsInKeyTables() {
        #expect(Key.char("j").name == "j")
        #expect(Key.char(" ").name == "<Space>")
        #expect(Key.char("<").name == "<lt>")
        #expect(Key.ctrl("d").name == "<C-d>")
        #expect(Key.function(1).name == "<F1>")
        #expect(Key.pageDown.name == "<PageDown>")
        #expect(Key.escape.name == "<Esc>")
    }

    @Test func namesAreCaseInsensitiveInsideBrackets() {
        #expect(Key(name: "<down>") == .down)
        #expect(Key(name: "<PAGEUP>") == .pageUp)
        #expect(Key(name: "<c-D>") == .ctrl("d"))
        #expect(Key(name: "<f12>") == .function(12))
        #expect(Key(name: "<space>") == .char(" "))
    }

    @Test(arguments: ["", "<>", "<F0>", "<F25>", "<C-1>", "<Nope>", "ab", "<C-ab>", "Down"])
    func badNamesAreRejected(_ name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test(arguments: specialKeys + ctrlLetters + functionKeys + characters)
    func everyKeyHasALabel(_ key: Key) {
        #expect(!key.label.isEmpty)
    }

    @Test func labels() {
        #expect(Key.down.label == "↓")
        #expect(Key.ctrl("d").label == "^D")
        #expect(Key.pageDown.label == "PgDn")
        #expect(Key.char(" ").label == "Space")
        #expect(Key.enter.label == "Enter")
        #expect(Key.function(1).label == "F1")
    }
}
