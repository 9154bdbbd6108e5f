using GraphQL.Types;
using GraphQLParser.AST;
using Okr.Api.Input;

namespace Okr.Api.GraphQL.Types;

/// <summary>
/// The built-in String scalar with the API's rule for text (<see cref="InputText"/>): every String argument and input
/// field, as a variable or a literal, refuses control characters and reads invisible-only text as empty (ADR 0017).
/// </summary>
public sealed class InputStringGraphType : StringGraphType
{
    public InputStringGraphType() => Name = "String";

    public override object? ParseValue(object? value) => Check(base.ParseValue(value));

    public override object? ParseLiteral(GraphQLValue value) => Check(base.ParseLiteral(value));

    private static object? Check(object? parsed) => parsed is string text ? InputText.Accept(text) : parsed;
}
