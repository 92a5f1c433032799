import GongwenDocuments
import GongwenModel
import GongwenTemplates

// The declaration table's rows and cells are read by the HTML template once per cell: 900,000 lookups for
// 100,000 declarations. Reflection made that a third of a build; these give the same values directly.

extension DeclarationTableContext.Cell: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "text": TemplateValues.text(text)
        case "kind": TemplateValues.text(kind)
        case "size": TemplateValues.text(size)
        case "lines": lines.map { TemplateValues.text($0) }
        default: nil
        }
    }
}

extension DeclarationTableContext.Row: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "number": number
        case "cells": cells.map { TemplateValues.LazyObject(fields: $0) as Any }
        case "recommender": TemplateValues.text(recommender)
        default: nil
        }
    }
}

extension DeclarationTableContext.Group: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "recommender": TemplateValues.text(recommender)
        case "count": count
        case "rows": rows.map { TemplateValues.LazyObject(fields: $0) as Any }
        default: nil
        }
    }
}

// The plan table's and the plan notice's rows (50,000 of them in a large campaign) and the commendation list.

extension HTMLTable.Cell: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "text": TemplateValues.text(text)
        case "centered": centered
        default: nil
        }
    }
}

extension HTMLTable.Row: TemplateFields {
    public func templateField(named name: String) -> Any? {
        name == "cells" ? cells.map { TemplateValues.LazyObject(fields: $0) as Any } : nil
    }
}

extension HTMLTable.Column: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "title": TemplateValues.text(title)
        case "width": width
        default: nil
        }
    }
}

extension AwardsContext.Entry: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "number": number
        case "text": TemplateValues.text(text)
        case "certificate": TemplateValues.lazy(certificate)
        default: nil
        }
    }
}

extension AwardsContext.LevelGroup: TemplateFields {
    public func templateField(named name: String) -> Any? {
        switch name {
        case "heading": TemplateValues.text(heading)
        case "level": TemplateValues.text(level)
        case "entries": entries.map { TemplateValues.LazyObject(fields: $0) as Any }
        default: nil
        }
    }
}
