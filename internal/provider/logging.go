package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// APILogSubsystem is the tflog subsystem of API request logs; set
// TF_LOG_PROVIDER_JDCLOUD_API to change its level on its own.
const APILogSubsystem = "jdcloud_api"

// apiLogger sends the API client's logs to the jdcloud_api subsystem. The
// client never hands it a secret; masking the secret key here as well means
// a future log line cannot leak it by mistake.
type apiLogger struct {
	secrets []string
}

func newAPILogger(secrets ...string) *apiLogger {
	var nonEmpty []string
	for _, s := range secrets {
		if s != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	return &apiLogger{secrets: nonEmpty}
}

func (l *apiLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemDebug(l.context(ctx), APILogSubsystem, msg, fields)
}

func (l *apiLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemTrace(l.context(ctx), APILogSubsystem, msg, fields)
}

func (l *apiLogger) context(ctx context.Context) context.Context {
	ctx = tflog.NewSubsystem(ctx, APILogSubsystem)
	ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, APILogSubsystem, l.secrets...)
	return tflog.SubsystemMaskMessageStrings(ctx, APILogSubsystem, l.secrets...)
}
