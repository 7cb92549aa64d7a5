// Python run in moto's server before it starts: the few actions Cirrus uses that moto 5 leaves
// unimplemented (it answers them with an HTML 500), filled in on moto's own models so a test and
// the AWS CLI see the same state: MonitorInstances/UnmonitorInstances, Enable/DisableAlarmActions,
// DescribeAlarmHistory (moto records state changes only; configuration changes are added here),
// and DescribeAlarms paging by MaxRecords, as AWS pages it.

export const MOTO_ADDITIONS = `
def _cirrus_moto_additions():
    import base64, json
    from moto.core.responses import ActionResult, EmptyResult
    from moto.core.utils import utcnow
    from moto.ec2.responses.monitoring import Monitoring
    from moto.cloudwatch.responses import CloudWatchResponse
    from moto.cloudwatch import models as cw

    def _monitoring(self, state):
        ids = self._get_param("InstanceIds", [])
        self.error_on_dryrun()
        instances = self.ec2_backend.get_multi_instances_by_id(ids)
        for instance in instances:
            instance.monitoring_state = state
        return ActionResult({"InstanceMonitorings": [
            {"InstanceId": i.id, "Monitoring": {"State": state}} for i in instances]})

    Monitoring.monitor_instances = lambda self: _monitoring(self, "enabled")
    Monitoring.unmonitor_instances = lambda self: _monitoring(self, "disabled")

    def _history(alarm, kind, summary, data=None):
        alarm.cirrus_history = getattr(alarm, "cirrus_history", [])
        alarm.cirrus_history.append({
            "AlarmName": alarm.name, "AlarmType": "MetricAlarm", "Timestamp": utcnow(),
            "HistoryItemType": kind, "HistorySummary": summary,
            "HistoryData": json.dumps(data or {}),
        })

    def _set_actions(self, enabled):
        backend = self.cloudwatch_backend
        for name in self._get_param("AlarmNames", []):
            alarm = backend.alarms.get(name)
            if alarm is not None:
                alarm.actions_enabled = enabled
                _history(alarm, "ConfigurationUpdate",
                         'Alarm "%s" %s' % (name, "actions enabled" if enabled else "actions disabled"))
        return EmptyResult()

    CloudWatchResponse.enable_alarm_actions = lambda self: _set_actions(self, True)
    CloudWatchResponse.disable_alarm_actions = lambda self: _set_actions(self, False)

    put = cw.CloudWatchBackend.put_metric_alarm
    def put_metric_alarm(self, name, *args, **kwargs):
        existed = name in self.alarms
        earlier = getattr(self.alarms.get(name), "cirrus_history", [])
        alarm = put(self, name, *args, **kwargs)
        alarm = self.alarms.get(name, alarm)
        alarm.cirrus_history = list(earlier)
        _history(alarm, "ConfigurationUpdate",
                 'Alarm "%s" %s' % (name, "updated" if existed else "created"))
        return alarm
    cw.CloudWatchBackend.put_metric_alarm = put_metric_alarm

    update = cw.Alarm.update_state
    def update_state(self, reason, reason_data, state_value):
        before = self.state_value
        update(self, reason, reason_data, state_value)
        _history(self, "StateUpdate",
                 "Alarm updated from %s to %s" % (before, state_value),
                 {"oldState": {"stateValue": before}, "newState": {"stateValue": state_value}})
    cw.Alarm.update_state = update_state

    def describe_alarm_history(self):
        name = self._get_param("AlarmName")
        kind = self._get_param("HistoryItemType")
        items = []
        for alarm in self.cloudwatch_backend.alarms.values():
            if name and alarm.name != name:
                continue
            items.extend(getattr(alarm, "cirrus_history", []))
        if kind:
            items = [i for i in items if i["HistoryItemType"] == kind]
        items.sort(key=lambda i: i["Timestamp"], reverse=True)
        return ActionResult({"AlarmHistoryItems": items})
    CloudWatchResponse.describe_alarm_history = describe_alarm_history

    # AWS pages DescribeAlarms by MaxRecords with a NextToken; moto answers everything at once.
    describe = CloudWatchResponse.describe_alarms
    def describe_alarms(self):
        result = describe(self)
        size = self._get_int_param("MaxRecords")
        token = self._get_param("NextToken")
        if not size and not token:
            return result
        alarms = list(result.result["MetricAlarms"]) if hasattr(result, "result") else None
        if alarms is None:
            return result
        start = int(base64.b64decode(token).decode()) if token else 0
        end = start + (size or 50)
        page = {"MetricAlarms": alarms[start:end], "CompositeAlarms": []}
        if end < len(alarms):
            page["NextToken"] = base64.b64encode(str(end).encode()).decode()
        return ActionResult(page)
    CloudWatchResponse.describe_alarms = describe_alarms

_cirrus_moto_additions()
`;
