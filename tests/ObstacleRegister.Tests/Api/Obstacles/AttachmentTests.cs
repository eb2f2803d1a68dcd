using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

/// <summary>Evidence files: typed by their content, kept byte for byte, never served as something a browser would run.</summary>
public sealed class AttachmentTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Test]
    public async Task AnUploadedFile_RoundTripsByteForByte_WithItsTypeNameHashAndSafeHeaders()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");

        using var upload = await Upload(ReporterA.Http, id, Pdf, "../Công văn 120.pdf");
        var attachment = await upload.ExpectJson(201);
        var list = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/attachments").ExpectJson(200);
        using var download = await Coordinator.Http.GetAsync(upload.Headers.Location);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var sha = SHA256.HashData(Pdf);

        Assert.Multiple(() =>
        {
            Assert.That(attachment.Str("contentType"), Is.EqualTo("application/pdf"));
            Assert.That(attachment.Str("fileName"), Is.EqualTo("Công văn 120.pdf"), "no folder survives in the name");
            Assert.That(attachment["size"]!.GetValue<long>(), Is.EqualTo(Pdf.Length));
            Assert.That(attachment.Str("sha256"), Is.EqualTo(Convert.ToHexStringLower(sha)));
            Assert.That(Ids(list), Is.EqualTo(new[] { attachment.Str("id") }));
            Assert.That(bytes, Is.EqualTo(Pdf));
            Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
            Assert.That(download.Content.Headers.ContentDisposition.FileNameStar, Is.EqualTo("Công văn 120.pdf"));
            Assert.That(download.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(download.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("sandbox"));
            Assert.That(download.Headers.ETag!.Tag, Is.EqualTo($"\"{Convert.ToHexStringLower(sha)}\""));
            Assert.That(download.Headers.GetValues("Repr-Digest").Single(), Is.EqualTo($"sha-256=:{Convert.ToBase64String(sha)}:"));
        });
    }

    [TestCase("word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [TestCase("sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [TestCase("odt", "application/vnd.oasis.opendocument.text")]
    [TestCase("png", "image/png")]
    [TestCase("jpeg", "image/jpeg")]
    public async Task TheType_IsReadFromTheContent_WhateverTheName(string kind, string expected)
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");

        var attachment = await (await Upload(ReporterA.Http, id, Sample(kind), "renamed.pdf")).ExpectJson(201);

        Assert.That(attachment.Str("contentType"), Is.EqualTo(expected));
    }

    [Test]
    public async Task HostileAndWrongFiles_AreRefusedClearly_AndLeaveNothingBehind()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var zipOfNothing = Zip(("notes.txt", "không phải văn bản"));

        var asHtml = await (await Upload(ReporterA.Http, id, html, "evidence.pdf")).ExpectJson(415);
        await (await Upload(ReporterA.Http, id, zipOfNothing, "evidence.docx")).ExpectJson(415);
        await (await Upload(ReporterA.Http, id, [.. Pdf, .. new byte[(10 * 1024 * 1024) + 1]], "huge.pdf")).ExpectJson(413);
        await Upload(ReporterA.Http, id, [], "empty.pdf").ExpectProblem(400, "file");
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await ReporterA.Http.PostAsync($"/api/v1/obstacles/{id}/attachments", noFile).ExpectProblem(400, "file");
        using var json = await ReporterA.Http.PostAsync($"/api/v1/obstacles/{id}/attachments", RawJson("{\"file\":\"JVBERi0=\"}"));
        var left = await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}/attachments").ExpectJson(200);

        Assert.Multiple(() =>
        {
            Assert.That(asHtml.Str("type"), Does.EndWith("unsupported-media-type"));
            Assert.That(asHtml.Str("detail"), Does.Contain("PDF, DOCX, XLSX, ODT, PNG"));
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(Ids(left), Is.Empty, "no refused upload stored anything");
        });
    }

    [Test]
    public async Task TheReportingUnitAttachesWhileOpen_CoordinatorsAnyTime_OthersNever()
    {
        var id = (await Submit(ReporterA, Obstacle(regulationId: DecreeId))).Str("id");
        var drafterOfA = await CreateKey(ReporterA.UnitId, "drafter");
        await Transition(Coordinator.Http, id, "reject", Reason("Không phải vướng mắc."));

        using var closedForReporter = await Upload(ReporterA.Http, id, Pdf, "late.pdf");
        using var coordinator = await Upload(Coordinator.Http, id, Pdf, "answer.pdf");
        using var foreign = await Upload(ReporterB.Http, id, Pdf, "foreign.pdf");
        using var drafter = await Upload(drafterOfA.Http, id, Pdf, "drafter.pdf");
        using var foreignRead = await ReporterB.Http.GetAsync($"/api/v1/obstacles/{id}/attachments");
        using var foreignDownload = await ReporterB.Http.GetAsync(coordinator.Headers.Location);
        using var drafterRead = await drafterOfA.Http.GetAsync(coordinator.Headers.Location);

        Assert.Multiple(async () =>
        {
            Assert.That(closedForReporter.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((await closedForReporter.ExpectJson(409)).Str("currentStatus"), Is.EqualTo("rejected"));
            Assert.That(coordinator.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(drafter.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(foreignRead.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(foreignDownload.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(drafterRead.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the reporting unit's keys read its evidence");
        });
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string id, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/obstacles/{id}/attachments", form);
    }

    /// <summary>The smallest files of each kind that real readers recognise by their parts and signatures.</summary>
    private static byte[] Sample(string kind) => kind switch
    {
        "word" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")),
        "sheet" => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")),
        "odt" => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")),
        "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8.ToArray()],
        _ => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8.ToArray(), 0],
    };

    private static byte[] Zip(params (string Name, string Text)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}
