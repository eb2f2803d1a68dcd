using System.ComponentModel.DataAnnotations;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Symbols;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Regulations;

/// <summary>The fields of a regulation a client sends to register or update it.</summary>
/// <param name="Symbol">Số, ký hiệu, e.g. <c>13/2023/NĐ-CP</c>; diacritics optional, any case; unique.</param>
/// <param name="Type">The kind of document.</param>
/// <param name="Title">Its title (trích yếu), up to 1000 characters.</param>
/// <param name="Issuer">The issuing body as text, e.g. <c>Chính phủ</c>, up to 200 characters.</param>
/// <param name="IssuedOn">Date of issue; its year must be the year in the symbol, when the symbol has one.</param>
/// <param name="EffectiveOn">Date it takes effect, on or after the date of issue.</param>
/// <param name="Status">Whether it is in force. When absent: <c>not_yet_in_force</c> before the effective date, else <c>in_force</c>.</param>
/// <param name="GuidesId">The higher document this one guides (hướng dẫn), if any.</param>
internal sealed record RegulationBody(
    [property: MaxLength(RegulationSymbol.MaxLength)] string? Symbol, RegulationType? Type, [property: MaxLength(RegulationBodyRules.MaxTitle)] string? Title,
    [property: MaxLength(RegulationBodyRules.MaxIssuer)] string? Issuer, DateOnly? IssuedOn, DateOnly? EffectiveOn, RegulationStatus? Status, Guid? GuidesId);

/// <summary>A regulation's fields as the rules accepted them: trimmed, every required value present.</summary>
internal sealed record ValidRegulation(
    string Symbol, RegulationType Type, string Title, string Issuer, DateOnly IssuedOn, DateOnly? EffectiveOn, RegulationStatus? Status, Guid? GuidesId);

internal static class RegulationBodyRules
{
    public const int MaxTitle = 1000;
    public const int MaxIssuer = 200;

    public static ValidRegulation Check(RegulationBody? body) => RequestBodies.Check(body, Validate);

    private static ValidRegulation? Validate(RegulationBody body, ValidationErrors errors)
    {
        if (errors.Required("symbol", body.Symbol) && RegulationSymbol.Problem(body.Symbol!) is { } problem)
        {
            errors.Add("symbol", problem);
        }

        if (errors.Required("type", body.Type) && errors.Defined("type", body.Type)
            && body.Symbol is not null && RegulationSymbol.Problem(body.Symbol) is null
            && RegulationSymbol.TypeNamed(body.Symbol) is { } named && named != body.Type)
        {
            errors.Add("type", Say.Text("Validation.TypeAgainstSymbol", WireNames.Of(body.Type!.Value), body.Symbol.Trim(), WireNames.Of(named)));
        }

        errors.Text("title", body.Title, MaxTitle);
        errors.Text("issuer", body.Issuer, MaxIssuer);
        errors.Defined("status", body.Status);
        if (errors.Required("issuedOn", body.IssuedOn) && body.Symbol is not null
            && RegulationSymbol.Year(body.Symbol) is { } year && year != body.IssuedOn!.Value.Year)
        {
            errors.Add("issuedOn", Say.Text("Validation.YearAgainstSymbol", body.IssuedOn!.Value.Year, year));
        }

        if (body.EffectiveOn < body.IssuedOn)
        {
            errors.Add("effectiveOn", Say.Text("Validation.Before", "effectiveOn", "issuedOn"));
        }

        return !errors.Any && body is { Symbol: { } symbol, Type: { } type, Title: { } title, Issuer: { } issuer, IssuedOn: { } issuedOn }
            ? new ValidRegulation(symbol, type, title.Trim(), issuer.Trim(), issuedOn, body.EffectiveOn, body.Status, body.GuidesId)
            : null;
    }
}
