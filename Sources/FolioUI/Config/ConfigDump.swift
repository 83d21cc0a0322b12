import TermKit

extension Config {
    /// The effective configuration as configuration-file text (for
    /// `folio --dump-config`): every setting, every key binding, every colour
    /// and every view. Parsing it gives this configuration back, problems aside.
    ///
    /// The key section starts with `unbind <all>`, so the bindings listed are
    /// exactly the ones in effect, in the order the help screen shows them.
    public func dump() -> String {
        var lines: [String] = [
            "# folio configuration: the settings, key bindings, colours and views in effect.",
            "# Saved as ~/.config/folio/config it gives the same folio; trim it to what you change.",
            "",
            "# set NAME VALUE",
        ]
        for spec in SettingSpec.all {
            lines.append(Self.aligned("set \(spec.name) \(spec.format(settings))", comment: spec.expected, at: 36))
        }

        lines += ["", "# bind KEY ACTION CONTEXT (contexts: list, reader, help, global)", "unbind \(ConfigParser.allKeys)"]
        for row in keyMap.rows {
            for key in row.keys {
                lines.append(Self.aligned("bind \(key.name) \(row.command.rawValue) \(row.context.rawValue)", comment: row.help, at: 36))
            }
        }

        lines += ["", "# color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE…]"]
        for element in ThemeNames.elements {
            lines.append("color \(element.name) \(ThemeNames.describe(theme[keyPath: element.path]))")
        }

        lines += ["", "# view NAME = QUERY (the first nine on keys 1–9)"]
        for view in views {
            lines.append("view \(view.name) = \(view.query)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func aligned(_ text: String, comment: String, at column: Int) -> String {
        let padding = max(1, column - text.count)
        return text + String(repeating: " ", count: padding) + "# " + comment
    }
}
