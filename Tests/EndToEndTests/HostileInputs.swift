import Foundation

/// Text that tries to make a terminal do something. Each carries a marker that
/// must never reach the terminal once folio has shown it.
enum HostileInputs {
    struct Input {
        let name: String
        let bytes: [UInt8]
        /// Byte strings that must not appear in what folio writes.
        let forbidden: [String]
    }

    static func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let all: [Input] = [
        Input(name: "OSC 52 clipboard write", bytes: utf8("\u{1B}]52;c;Q0xJUEJPQVJE\u{07}"), forbidden: ["Q0xJUEJPQVJE", "\u{1B}]52"]),
        Input(name: "OSC 0 title then title report", bytes: utf8("\u{1B}]0;PWNEDTITLE\u{07}\u{1B}[21t"), forbidden: ["PWNEDTITLE", "\u{1B}[21t"]),
        Input(name: "OSC 8 unterminated URI", bytes: utf8("\u{1B}]8;;https://evil.example/unterminated"), forbidden: ["evil.example", "\u{1B}]8"]),
        Input(name: "OSC 2 ended by ST", bytes: utf8("\u{1B}]2;STTITLE\u{1B}\\"), forbidden: ["STTITLE"]),
        Input(name: "clear screen and home", bytes: utf8("\u{1B}[987;654H\u{1B}[3J"), forbidden: ["987;654H", "\u{1B}[3J"]),
        Input(name: "alternate screen", bytes: utf8("\u{1B}[?1049h\u{1B}[?47h"), forbidden: ["\u{1B}[?47h"]),
        Input(name: "DCS query", bytes: utf8("\u{1B}P$qDCSQUERY\u{1B}\\"), forbidden: ["DCSQUERY", "\u{1B}P"]),
        Input(name: "APC", bytes: utf8("\u{1B}_APCSTRING\u{1B}\\"), forbidden: ["APCSTRING"]),
        Input(name: "PM", bytes: utf8("\u{1B}^PMSTRING\u{1B}\\"), forbidden: ["PMSTRING"]),
        Input(name: "SOS", bytes: utf8("\u{1B}XSOSSTRING\u{1B}\\"), forbidden: ["SOSSTRING"]),
        Input(name: "raw 0x9B CSI", bytes: [0x9B] + utf8("986;653H"), forbidden: ["986;653H"]),
        Input(name: "C2 9B encoded CSI", bytes: [0xC2, 0x9B] + utf8("985;652H"), forbidden: ["985;652H", "\u{C2}\u{9B}"]),
        Input(name: "full reset", bytes: utf8("\u{1B}c"), forbidden: ["\u{1B}c"]),
        Input(name: "keypad and cursor keys modes", bytes: utf8("\u{1B}=\u{1B}[?1h\u{1B}[?25l"), forbidden: ["\u{1B}[?1h\u{1B}[?25l"]),
        Input(name: "carriage return overwrite", bytes: utf8("innocent\rOVERWRITTEN"), forbidden: ["innocent\rOVERWRITTEN"]),
        Input(name: "backspace overstrike", bytes: utf8("shown\u{08}\u{08}\u{08}\u{08}\u{08}HIDE"), forbidden: ["\u{08}"]),
        Input(name: "BEL", bytes: utf8("ring\u{07}ring"), forbidden: ["\u{07}"]),
        Input(name: "right-to-left override", bytes: utf8("abc\u{202E}fed"), forbidden: ["\u{202E}"]),
        Input(name: "bidi isolate", bytes: utf8("x\u{2066}y\u{2069}z"), forbidden: ["\u{2066}", "\u{2069}"]),
        Input(name: "tag characters", bytes: utf8("flag\u{E0041}\u{E0042}"), forbidden: ["\u{E0041}"]),
        Input(name: "zalgo", bytes: utf8("Z" + String(repeating: "\u{0301}", count: 40)), forbidden: [String(repeating: "\u{0301}", count: 5)]),
        Input(name: "invalid UTF-8 and overlong slash", bytes: [0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80], forbidden: ["\u{FEFF}"]),
        Input(name: "DEL and C0", bytes: [0x7F, 0x01, 0x02, 0x1A, 0x1C], forbidden: ["\u{7F}", "\u{1A}"]),
        Input(name: "8-bit OSC", bytes: [0xC2, 0x9D] + utf8("0;EIGHTBITTITLE") + [0xC2, 0x9C], forbidden: ["EIGHTBITTITLE"]),
    ]

    /// A plain-text page with every input in its title and body.
    static var textPage: [UInt8] {
        var bytes = utf8("Hostile text page ") + all.flatMap(\.bytes) + utf8("\n\n")
        for input in all {
            bytes += utf8("This paragraph carries the \(input.name) attack right here: ") + input.bytes
                + utf8(" and then continues with ordinary words so that it reads like an article paragraph.\n\n")
        }
        return bytes
    }

    /// A Markdown clip with every input in its front matter and body.
    static var markdownPage: [UInt8] {
        var bytes = utf8("---\ntitle: \"Hostile clip ") + all.prefix(8).flatMap(\.bytes) + utf8("\"\nauthor: \"") + all[10].bytes + utf8("\"\n---\n\n")
        for input in all { bytes += utf8("- the \(input.name) attack: ") + input.bytes + utf8(" in a list item\n") }
        return bytes + utf8("\nA closing paragraph long enough to be body text, with *emphasis* and a [link](https://example.org/ok).\n")
    }

    /// An HTML page with the inputs in its title and text, and as character references.
    static var htmlPage: [UInt8] {
        var bytes = utf8("<html><head><title>Hostile page ") + all.prefix(6).flatMap(\.bytes) + utf8("</title></head><body><article><h1>Hostile page</h1>")
        for input in all {
            bytes += utf8("<p>The \(input.name) attack sits in this paragraph: ") + input.bytes + utf8(", followed by ordinary words in a sentence.</p>")
        }
        bytes += utf8("<p>References: &#27;]0;ENTITYTITLE&#7; &#155;984;651H &#0; &#x202E; &#xD800; &#1114112; end.</p></article></body></html>")
        return bytes
    }

    static let forbiddenFromReferences = ["ENTITYTITLE", "984;651H"]
}
