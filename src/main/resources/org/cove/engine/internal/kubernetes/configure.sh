set -eu -o pipefail
mkdir -p /data/inputs /data/transformations /data/outputs /data/logs
chmod 0777 /data/outputs /data/logs
wget -q -O - --header "Authorization: Bearer $COVE_JOB_TOKEN" "$COVE_PROVIDER_URL/api/internal/jobs/$COVE_JOB_ID/datasets" | tar -x -f - -C /data || exit 31
wget -q -O - --header "Authorization: Bearer $COVE_JOB_TOKEN" "$COVE_PROVIDER_URL/api/internal/jobs/$COVE_JOB_ID/algorithm" > /data/transformations/algorithm || exit 32
chmod 0444 /data/transformations/algorithm
echo configured
