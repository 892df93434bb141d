package provider_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/acctest"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/fakemps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/jdcloud/mps"
	"github.com/jdcloud-api/terraform-provider-jdcloud/internal/provider"
)

const benchTaskJSON = `{"taskID":"f1b6a7c0e2","status":"SUCCESS","errorCode":0,"createdTime":"2026-12-04T10:15:00.000Z",
"source":{"bucket":"videos","key":"launch/intro.mp4"},
"target":{"destBucket":"screenshots","destKeyPrefix":"launch/intro","format":"jpg","widthInPixel":1280,"heightInPixel":720,
"keys":["launch/intro-f1b6a7c0e2-0001.jpg","launch/intro-f1b6a7c0e2-0002.jpg","launch/intro-f1b6a7c0e2-0003.jpg"]},
"rule":{"mode":"average","count":3,"startTimeInSecond":0,"endTimeInSecond":-1,"keyFrame":true}}`

// BenchmarkRead compares a full read of jdcloud_mps_thumbnail_task through
// the provider's protocol server (what Terraform calls) with a plain
// keep-alive GET plus JSON decode of the same URL, against the same
// loopback fake in the same run. The fake skips signature checks for both,
// so the difference is the provider's own work: schema conversion,
// signing, retries machinery, decoding and state building.
func BenchmarkRead(b *testing.B) {
	fake := acctest.StartFake(&testing.T{}, acctest.Task(&testing.T{}, "cn-north-1", fakemps.ShapeNested, benchTaskJSON))
	b.Cleanup(func() { _ = fake.Close() })
	fake.SkipSignatureChecks()

	b.Run("provider-ReadDataSource", func(b *testing.B) {
		server, read := configuredProviderServer(b, fake.URL())
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			resp, err := server.ReadDataSource(ctx, read)
			if err != nil || len(resp.Diagnostics) > 0 {
				b.Fatalf("read failed: %v %v", err, resp.Diagnostics)
			}
		}
	})

	b.Run("plain-GET", func(b *testing.B) {
		client := &http.Client{}
		url := fake.URL() + "/v1/regions/cn-north-1/thumbnail/f1b6a7c0e2"
		b.ReportAllocs()
		for b.Loop() {
			resp, err := client.Get(url)
			if err != nil {
				b.Fatal(err)
			}
			var envelope struct {
				Result struct {
					ThumbnailTask mps.ThumbnailTask `json:"thumbnailTask"`
				} `json:"result"`
			}
			err = json.NewDecoder(resp.Body).Decode(&envelope)
			_ = resp.Body.Close()
			if err != nil || envelope.Result.ThumbnailTask.TaskID == "" {
				b.Fatalf("decode: %v", err)
			}
		}
	})
}

// configuredProviderServer returns the provider's protocol server,
// configured against endpoint, and a ready ReadDataSource request.
func configuredProviderServer(b *testing.B, endpoint string) (tfprotov6.ProviderServer, *tfprotov6.ReadDataSourceRequest) {
	b.Helper()
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(provider.New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType := schemas.Provider.ValueType().(tftypes.Object)
	endpointsType := providerType.AttributeTypes["endpoints"].(tftypes.Object)
	config := objectValue(providerType, map[string]tftypes.Value{
		"region":              tftypes.NewValue(tftypes.String, "cn-north-1"),
		"access_key":          tftypes.NewValue(tftypes.String, acctest.FakeAccessKey),
		"secret_key":          tftypes.NewValue(tftypes.String, acctest.FakeSecretKey),
		"requests_per_second": tftypes.NewValue(tftypes.Number, 0),
		"endpoints":           objectValue(endpointsType, map[string]tftypes.Value{"mps": tftypes.NewValue(tftypes.String, endpoint)}),
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.8.5", Config: dynamic(b, providerType, config)})
	if err != nil || len(configured.Diagnostics) > 0 {
		b.Fatalf("configure: %v %v", err, configured.Diagnostics)
	}
	dataSourceType := schemas.DataSourceSchemas["jdcloud_mps_thumbnail_task"].ValueType().(tftypes.Object)
	readConfig := objectValue(dataSourceType, map[string]tftypes.Value{"task_id": tftypes.NewValue(tftypes.String, "f1b6a7c0e2")})
	return server, &tfprotov6.ReadDataSourceRequest{TypeName: "jdcloud_mps_thumbnail_task", Config: dynamic(b, dataSourceType, readConfig)}
}

// objectValue is an object of typ with the given attributes and null for the rest.
func objectValue(typ tftypes.Object, set map[string]tftypes.Value) tftypes.Value {
	values := map[string]tftypes.Value{}
	for name, attrType := range typ.AttributeTypes {
		if v, ok := set[name]; ok {
			values[name] = v
		} else {
			values[name] = tftypes.NewValue(attrType, nil)
		}
	}
	return tftypes.NewValue(typ, values)
}

func dynamic(b *testing.B, typ tftypes.Type, value tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, value)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}
