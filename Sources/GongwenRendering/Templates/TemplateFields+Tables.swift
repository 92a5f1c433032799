import GongwenDocuments

// The declaration table's rows and cells are read by the HTML template once per cell: 900,000 lookups for
// 100,000 declarations. Reflection made that a third of a build; these give the same values directly.

extension DeclarationTableContext.Cell: TemplateFields {
    func templateField(named name: String) -> Any? {
        switch name {
        case "text": TemplateValues.text(text)
        case "kind": TemplateValues.text(kind)
        default: nil
        }
    }
}

extension DeclarationTableContext.Row: TemplateFields {
    func templateField(named name: String) -> Any? {
        switch name {
        case "number": number
        case "cells": cells.map { TemplateValues.LazyObject($0) as Any }
        case "recommender": TemplateValues.text(recommender)
        default: nil
        }
    }
}

extension DeclarationTableContext.Group: TemplateFields {
    func templateField(named name: String) -> Any? {
        switch name {
        case "recommender": TemplateValues.text(recommender)
        case "count": count
        case "rows": rows.map { TemplateValues.LazyObject($0) as Any }
        default: nil
        }
    }
}
